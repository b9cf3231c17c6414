import Console
import Storage
import Tools

/// The console as kefud runs it: the socket's listener (its own thread)
/// and the service that answers on the control thread. Refused peers are
/// audited. A socket that cannot be opened is said at start; kefud runs on.
public final class ConsoleDoor {
    public let listener: ConsoleListener?
    public let service: ConsoleService?
    public private(set) var notes: [String] = []
    let center: SimulatedCenter

    init(center: SimulatedCenter, listener: ConsoleListener?, service: ConsoleService?, notes: [String]) {
        self.center = center
        self.listener = listener
        self.service = service
        self.notes = notes
    }

    public static func open(_ center: SimulatedCenter) -> ConsoleDoor {
        let security = center.config.security
        let path = center.options.consoleSocket ?? security.consoleSocket
        let access = ConsoleAccess(adminGroup: security.adminGroup, supervisorGroup: security.supervisorGroup, viewerGroup: security.viewerGroup)
        var notes: [String] = []
        if !access.missingGroups.isEmpty {
            notes.append("console: group(s) \(access.missingGroups.joined(separator: ", ")) not on this box: only root and the other groups get in (groupadd them)")
        }
        do {
            let service = try ConsoleService(center: center)
            let listener = try ConsoleListener(path: path) { access.admit($0) }
            notes.append("console: kefu connects at \(path)")
            return ConsoleDoor(center: center, listener: listener, service: service, notes: notes)
        } catch {
            notes.append("console not available: \(error)")
            return ConsoleDoor(center: center, listener: nil, service: nil, notes: notes)
        }
    }

    /// Answers every waiting request (call between steps of call control).
    public func serve(overruns: Int = 0) {
        guard let listener, let service else { return }
        service.overruns = { overruns }
        for refusal in listener.takeRefusals() {
            center.store.enqueue(.audit(AuditEntry(at: StorageContext.nowMilliseconds(), user: refusal.user, action: "console-refused",
                                                   object: "uid \(refusal.uid)", detail: refusal.reason)))
        }
        for job in listener.take() {
            ConsoleListener.answer(job, service.run(job.request, as: job.who))
        }
    }

    public func close() { listener?.stop() }
}
