import ACD
import Config
import Telephony

/// A new plan (an edited config) while calls run. New calls take the new
/// menus, queues, schedules, surveys and limits; calls in progress keep the
/// menus they are in (each `IVREngine` holds its own copy), callers in
/// queues keep their places, agents their states. What cannot change live
/// is refused with the reason, and nothing changes: other lines or phones,
/// another language list, prompt files not loaded at start, a removed
/// queue or agent.
extension CenterFlow {
    /// Why `new` cannot be taken in now (empty: it can), in English and Chinese.
    public func reconfigurationProblems(_ new: CenterPlan) -> [Bilingual] {
        var problems: [Bilingual] = []
        if new.lineOrder != plan.lineOrder || new.phones != plan.phones {
            problems.append(Bilingual("the lines or phones changed: a restart is needed to open other channels",
                                      "外线或话机有改动：需要重启 kefud 才能打开其他通道"))
        }
        if new.clockAtStart != plan.clockAtStart {
            problems.append(Bilingual("the plan's clock differs from the running one", "新配置的时钟与运行中的不一致"))
        }
        return problems + acd.reconfigurationProblems(new.acd)
    }

    /// Takes `new` in, or returns why not (and changes nothing).
    public mutating func reconfigure(_ new: CenterPlan, now: SampleTime) -> (problems: [Bilingual], actions: [CallAction]) {
        self.now = max(now, self.now)
        let problems = reconfigurationProblems(new)
        guard problems.isEmpty else { return (problems, []) }
        do throws(ACDConfigurationError) { try acd.reconfigure(new.acd) } catch { return (error.problems, []) }
        var settings = new
        settings.firstCallID = plan.firstCallID
        settings.seed = plan.seed
        plan = settings
        gate.settings = new.outbound
        acdStep(.tick)  // new agents or rules may serve waiting callers now
        return ([], take())
    }
}
