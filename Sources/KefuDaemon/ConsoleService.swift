import ACD
import Accounts
import CallControl
import Channels
import Console
import Records
import Storage
import Telephony
import Tools

/// Answers console commands against the running center, on the control
/// thread between two steps of call control. Read commands look at the
/// flow, the ACD and the database; changes (agent commands, hang-up, notes,
/// exports) are audited with who asked.
public final class ConsoleService {
    let center: SimulatedCenter
    let commands = ConsoleCatalog.all
    let store: CallStore
    /// The config text kefud runs (what `config diff` compares against).
    var runningConfig: String?
    /// The text that ran before the last `config apply` (what `rollback` restores).
    var previousConfig: String?
    /// The live call being played on the box's sound device, if any.
    var listening: LiveListen?
    /// Where `calls listen` plays (kefud's --listen-device).
    public var listenDevice: String
    /// Samples of live calls played on the sound device so far.
    public var listenedSamples: Int { listening?.played.load(ordering: .relaxed) ?? 0 }
    /// Ends a listen in progress.
    public func stopListening() { listening?.stop() }
    /// Media overruns so far (the daemon's pacer), for `status`.
    public var overruns: () -> Int = { 0 }

    public init(center: SimulatedCenter) throws(SQLiteError) {
        self.center = center
        store = try CallStore(path: center.dataDirectory + "/kefu.db", busyTimeoutMilliseconds: 1_000)
        listenDevice = center.options.listenDevice
        runningConfig = (try? FileIO.read(center.options.configPath)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs one request as `who`.
    public func run(_ request: ConsoleRequest, as who: Operator) -> ConsoleOutput {
        let words = request.arguments
        if words.isEmpty || words.first == "help" {
            let lines = commands.help(Array(words.dropFirst()), role: who.role, language: request.language)
            let asked = words.dropFirst().joined(separator: " ")
            return lines.isEmpty ? .failed(request.language == .chinese ? "没有以 '\(asked)' 开头的命令" : "no command starts with '\(asked)'", status: 2)
                : ConsoleOutput(lines)
        }
        let invocation: ConsoleInvocation
        switch commands.match(words, language: request.language) {
        case .failure(let usage): return usage
        case .success(let matched): invocation = matched
        }
        guard who.role >= invocation.command.role else {
            audit(who, "refused", invocation.command.name, detail: invocation.arguments.joined(separator: " "))
            return .failed(request.language == .chinese ? "权限不足: \(invocation.command.name) 需要 \(invocation.command.role.rawValue) 角色"
                                                         : "refused: \(invocation.command.name) needs the \(invocation.command.role.rawValue) role (\(who))")
        }
        let output = execute(invocation, request, who)
        if invocation.command.changes {
            audit(who, invocation.command.name, invocation.arguments.joined(separator: " "),
                  detail: output.status == 0 ? output.lines.first : "failed: \(output.errors.first ?? "")")
        }
        return output
    }

    func audit(_ who: Operator, _ action: String, _ object: String, detail: String?) {
        center.store.enqueue(.audit(AuditEntry(at: StorageContext.nowMilliseconds(), user: who.name, action: action,
                                               object: object.isEmpty ? "-" : object, detail: detail)))
    }

    var storage: (Operator) -> StorageContext {
        { who in StorageContext(config: self.center.config, dataDirectory: self.center.dataDirectory, store: self.store,
                                key: self.center.control.writer.key, who: who) }
    }

    private func execute(_ i: ConsoleInvocation, _ request: ConsoleRequest, _ who: Operator) -> ConsoleOutput {
        let a = i.arguments
        let json = request.json, language = request.language, chinese = request.language == .chinese
        switch i.command.name {
        case "status": return ConsoleViews.status(center, overruns: overruns(), language: request.language)
        case "channels": return ConsoleViews.channels(center, json: json, language: request.language)
        case "lines": return ConsoleLines.report(center, store: store, json: json, language: language)
        case "calls": return ConsoleViews.calls(center, json: json, language: request.language)
        case "calls hangup": return hangUp(a[0], by: who.name, language)
        case "calls transfer": return transfer(a[0], to: a[1], a[2], language)
        case "calls listen": return listen(a[0], seconds: a.count > 1 ? a[1] : nil, language)
        case "agents": return ConsoleViews.agents(center, json: json, language: request.language)
        case "agent login": return agent(a[0], .login(AgentID(a[0]), channel: a.count > 1 ? Int(a[1]).map { ACD.ChannelID($0) } : nil), language)
        case "agent logout": return agent(a[0], .logout(AgentID(a[0])), language)
        case "agent pause": return agent(a[0], .pause(AgentID(a[0]), reason: a.count > 1 ? a.dropFirst().joined(separator: " ") : "break"), language)
        case "agent unpause": return agent(a[0], .unpause(AgentID(a[0])), language)
        case "queues", "wallboard":
            return ConsoleViews.queues(center, json: json, wallboard: i.command.name == "wallboard", language: request.language)
        case "calls show":
            guard let call = callNumber(a[0]) else { return notACall(a[0], language) }
            return ConsoleCallShow.show(call, store: store, context: storage(who), inProgress: center.control.flow.calls[CallControl.CallID(Int(call))] != nil,
                                        json: json, language: language)
        case "caller": return ConsoleViews.caller(a[0], store: store, context: storage(who), json: json, language: language)
        case "caller note":
            do {
                try store.addNote(CallerNote(caller: a[0], at: StorageContext.nowMilliseconds(), user: who.name, text: a.dropFirst().joined(separator: " ")))
                return ConsoleOutput([chinese ? "已为 \(a[0]) 添加备注" : "note added to \(a[0])"])
            } catch { return .failed("\(error)") }
        case "messages": return ConsoleMailboxes.messages(box: a.first, store: store, context: storage(who), json: json, language: request.language)
        case "messages heard": return ConsoleMailboxes.mark(a[0], "heard", store: store, who: who.name, language: language)
        case "messages delete": return ConsoleMailboxes.mark(a[0], "deleted", store: store, who: who.name, language: language)
        case "callbacks": return ConsoleMailboxes.callbacks(center.control.flow.acd, json: json, language: request.language)
        case "features": return ConsoleFeatures.list(center.control.flow.plan, json: json, language: request.language)
        case "recordings list":
            return output(RecordingsTool.list(storage(who), from: a.first, to: a.count > 1 ? a[1] : nil, agent: nil, queue: nil, json: json, chinese: chinese))
        case "recordings info":
            guard let call = callNumber(a[0]) else { return notACall(a[0], language) }
            return output(RecordingsTool.info(storage(who), call: call, json: json, chinese: chinese))
        case "recordings export":
            guard let call = callNumber(a[0]) else { return notACall(a[0], language) }
            return output(RecordingsTool.export(storage(who), call: call, to: a[1], chinese: chinese))
        case "recordings review": return output(RecordingsTool.review(storage(who), from: a.first, to: a.first, worst: 3, json: json, chinese: chinese))
        case "config diff": return configDiff(language)
        case "config apply": return applyConfig(language)
        case "config rollback": return rollbackConfig(language)
        case "logs":
            let n = a.first.flatMap(Int.init) ?? 20
            let log = center.control.log
            return ConsoleOutput(log.isEmpty ? [ConsoleText.t("no notes or alarms", language)] : Array(log.suffix(n)))
        case "audit list": return output(AuditTool.list(storage(who), from: a.first, to: a.count > 1 ? a[1] : nil, json: json, chinese: chinese))
        case "report":
            return output(ReportTool.run(storage(who), from: a.first, to: a.count > 1 ? a[1] : nil, json: json,
                                         chinese: chinese, csvDirectory: nil))
        case "report export":
            return output(ReportTool.run(storage(who), from: a.count > 1 ? a[1] : nil, to: a.count > 2 ? a[2] : nil, json: false,
                                         chinese: chinese, csvDirectory: a[0]))
        default: return .failed("\(i.command.name): " + ConsoleText.t("not handled by this kefud", language), status: 2)
        }
    }

    func callNumber(_ text: String) -> Int64? { Int64(text.replacingOccurrences(of: "call-", with: "")) }

    func notACall(_ text: String, _ language: ConsoleLanguage) -> ConsoleOutput {
        .failed(language == .chinese ? "'\(text)' 不是呼叫编号" : "'\(text)' is not a call number", status: 2)
    }

    private func output(_ o: RecordingsTool.Output) -> ConsoleOutput {
        o.status == 0 ? ConsoleOutput(o.lines) : ConsoleOutput(Array(o.lines.dropLast()), errors: o.lines.suffix(1), status: o.status)
    }

    private func hangUp(_ text: String, by who: String, _ language: ConsoleLanguage) -> ConsoleOutput {
        guard let n = callNumber(text) else { return notACall(text, language) }
        return center.control.hangUp(CallControl.CallID(Int(n)), now: center.now, by: who)
            ? ConsoleOutput([ConsoleText.pick(language, "call-\(n) hung up", "call-\(n) 已挂断")]) : noCall(n, language)
    }

    func noCall(_ n: Int64, _ language: ConsoleLanguage) -> ConsoleOutput {
        .failed(ConsoleText.pick(language, "no call-\(n) in progress", "没有进行中的 call-\(n)"))
    }

    private func agent(_ id: String, _ command: AgentCommand, _ language: ConsoleLanguage) -> ConsoleOutput {
        guard let before = center.control.flow.acd.agentSnapshots.first(where: { $0.id.rawValue == id }) else {
            let all = center.control.flow.acd.agentSnapshots.map(\.id.rawValue).joined(separator: ", ")
            return .failed(ConsoleText.pick(language, "no agent \(id) (agents: \(all))", "没有坐席 \(id) (坐席: \(all))"))
        }
        center.control.console(command, now: center.now)
        let after = center.control.flow.acd.agentSnapshots.first { $0.id.rawValue == id }!
        let was = LiveView.describe(before.status), now = LiveView.describe(after.status)
        if was == now {
            switch (command, after.status) {
            case (.pause, .onCall), (.pause, .wrapUp), (.logout, .onCall), (.logout, .wrapUp):
                return ConsoleOutput([ConsoleText.pick(language, "\(id): \(now); the change applies when the call and wrap-up end",
                                                       "\(id): \(now); 通话和整理结束后生效")])
            default:
                return .failed(ConsoleText.pick(language, "\(id) stays \(now): nothing to change", "\(id) 仍为 \(now): 无需更改"))
            }
        }
        return ConsoleOutput(["\(id): \(was) → \(now)"])
    }
}
