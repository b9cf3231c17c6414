import IVR
import Telephony

/// Queue announcements: "您前面还有 N 位，预计等待 M 分钟" said from
/// recorded fragments in the caller's language, then hold music again.
extension CenterFlow {
    mutating func announce(_ id: CallID, position: Int, estimatedWait: SampleTime) {
        guard let language = sessions[id]?.language, sessions[id]?.entry == nil else { return }
        let minutes = Int((estimatedWait.seconds / 60).rounded(.up))
        let names = SpokenNumber.position(max(0, position - 1), language: language) + SpokenNumber.wait(minutes: minutes, language: language)
        let files = names.map { CenterPlan.file($0, language) }
        guard files.allSatisfy({ plan.prompts[$0] != nil }) else {
            return note("queue announcements are not spoken: their fragment files are not loaded")
        }
        play(id, files, owner: .queueMessage)
    }
}
