import Testing
import Console
import Storage

/// The command tree: matching, usage errors, help and completion, and how
/// `kefu ARGS` is dispatched.
@Suite struct ConsoleCommandTests {
    let commands = ConsoleCatalog.all

    @Test("the longest command matching the words wins and keeps the rest as arguments")
    func longestMatch() throws {
        let pause = try commands.match(["agent", "pause", "8001", "lunch", "break"]).get()
        #expect(pause.command.name == "agent pause" && pause.arguments == ["8001", "lunch", "break"])
        #expect(try commands.match(["calls"]).get().command.name == "calls")
        #expect(try commands.match(["calls", "hangup", "call-7"]).get().arguments == ["call-7"])
    }

    @Test("missing or extra arguments give the command's usage; an incomplete or unknown command says what would do")
    func usageErrors() {
        #expect(commands.match(["agent", "pause"]) == .failure(.failed("usage: agent pause AGENT [REASON...]", status: 2)))
        #expect(commands.match(["agent", "logout", "8001", "x"]) == .failure(.failed("usage: agent logout AGENT", status: 2)))
        #expect(commands.match(["agent"]) == .failure(.failed(
            "'agent' needs more; try: agent login AGENT [PHONE]; agent logout AGENT; agent pause AGENT [REASON...]; agent unpause AGENT", status: 2)))
        #expect(commands.match(["qeues"]) == .failure(.failed("unknown command 'qeues'; type help for every command", status: 2)))
        #expect(commands.match(["agent"], language: .chinese) == .failure(.failed(
            "'agent' 不完整; 可用: agent login AGENT [PHONE]; agent logout AGENT; agent pause AGENT [REASON...]; agent unpause AGENT", status: 2)))
    }

    @Test("help lists what the role may run, in English or Chinese")
    func helpSnapshot() {
        #expect(commands.help([], role: .viewer, language: .english) == [
            "status           uptime, board, channels, calls in progress, media overruns, storage",
            "channels         every line and phone: what it is doing",
            "lines            each analog line: calls since start and today, how they were hung up, DTMF and false digits, missed hang-up warnings",
            "calls            calls in progress",
            "calls show CALL  a finished call: times, end, holds and transfers, and each step through the queues and agents",
            "agents           agents: state, phone, calls taken, talk time",
            "queues           queues now: waiting, longest wait, agents by state, service level today",
            "wallboard        queues and agents on one screen, refreshed every second (q or Ctrl-C ends)",
            "caller NUMBER    a caller's history: past calls, outcomes, scores, recordings, notes",
            "features         the codes agents and supervisors dial on their phones (log in, pause, transfer, hold, monitor)",
            "callbacks        callbacks booked and waiting: queue, number, place, waited",
        ])
        #expect(commands.help(["agent"], role: .supervisor, language: .chinese) == [
            "agent login AGENT [PHONE]      坐席签入(本人话机或指定话机)",
            "agent logout AGENT             坐席签出",
            "agent pause AGENT [REASON...]  坐席示忙(原因: 休息、午餐、培训…)",
            "agent unpause AGENT            坐席示闲",
        ])
        #expect(commands.help(["audit"], role: .supervisor, language: .english).isEmpty)
        // Every command has help in both languages.
        #expect(commands.commands.allSatisfy { !$0.help.isEmpty && !$0.helpChinese.isEmpty })
    }

    @Test("tab completion offers the next command words that fit")
    func completion() {
        #expect(commands.completions(before: [], partial: "ag") == ["agent", "agents"])
        #expect(commands.completions(before: ["agent"], partial: "") == ["login", "logout", "pause", "unpause"])
        #expect(commands.completions(before: ["agent"], partial: "lo") == ["login", "logout"])
        #expect(commands.completions(before: [], partial: "q") == ["queues", "quit"])
    }

    @Test("kefu with no arguments is the shell; console words go to kefud; offline commands and --data-dir stay offline; help is local")
    func dispatch() {
        let env = ["KEFU_CONSOLE": "/tmp/k.sock", "LANG": "zh_CN.UTF-8"]
        let settings = ConsoleSettings(environment: env)
        #expect(settings.socket == "/tmp/k.sock" && settings.language == .chinese)
        #expect(ConsoleDispatch.decide([], environment: env) == .shell(settings))
        var elsewhere = settings
        elsewhere.socket = "/tmp/other.sock"
        #expect(ConsoleDispatch.decide(["--socket", "/tmp/other.sock"], environment: env) == .shell(elsewhere))
        #expect(ConsoleDispatch.decide(["help", "agent"], environment: env) == .help(["agent"], settings))
        #expect(ConsoleDispatch.decide(["agents", "--json"], environment: env)
                == .console(ConsoleRequest(arguments: ["agents"], json: true, language: .chinese), settings, offlineFallback: false))
        var english = settings
        english.language = .english
        english.socket = "/run/x.sock"
        #expect(ConsoleDispatch.decide(["--socket", "/run/x.sock", "--lang", "en", "agent", "pause", "8001"], environment: env)
                == .console(ConsoleRequest(arguments: ["agent", "pause", "8001"], language: .english), english, offlineFallback: false))
        #expect(ConsoleDispatch.decide(["recordings", "list"], environment: env)
                == .console(ConsoleRequest(arguments: ["recordings", "list"], language: .chinese), settings, offlineFallback: true))
        #expect(ConsoleDispatch.decide(["recordings", "list", "--data-dir", "/d"], environment: env) == .offline(["recordings", "list", "--data-dir", "/d"]))
        #expect(ConsoleDispatch.decide(["--socket", "/s", "analyze", "a.wav"], environment: env) == .offline(["analyze", "a.wav"]))
        #expect(ConsoleDispatch.decide(["recordings", "keygen", "/k"], environment: env) == .offline(["recordings", "keygen", "/k"]))
        #expect(ConsoleDispatch.decide(["config", "check", "/etc/kefu/kefu.toml"], environment: env) == .offline(["config", "check", "/etc/kefu/kefu.toml"]))
        #expect(ConsoleDispatch.decide(["config", "diff"], environment: env)
                == .console(ConsoleRequest(arguments: ["config", "diff"], language: .chinese), settings, offlineFallback: true))
    }

    @Test("--lang goes on to the offline commands that print text for people, and is dropped for the others")
    func languageReachesOfflineCommands() {
        let env = ["LANG": "C"]
        #expect(ConsoleDispatch.decide(["--lang", "zh", "staffing", "--rate", "100"], environment: env)
                == .offline(["staffing", "--rate", "100", "--lang", "zh"]))
        #expect(ConsoleDispatch.decide(["--lang", "zh", "recordings", "list", "--data-dir", "/d"], environment: env)
                == .offline(["recordings", "list", "--data-dir", "/d", "--lang", "zh"]))
        #expect(ConsoleDispatch.decide(["config", "check", "--lang", "en"], environment: env) == .offline(["config", "check", "--lang", "en"]))
        #expect(ConsoleDispatch.decide(["--lang", "zh", "analyze", "a.wav"], environment: env) == .offline(["analyze", "a.wav"]))
    }

    @Test("requests and answers survive the wire format")
    func wireFormat() {
        let request = ConsoleRequest(arguments: ["caller", "note", "13800138000", "回电 确认"], json: true, language: .chinese)
        #expect(ConsoleRequest.decode(request.encoded) == request)
        #expect(ConsoleRequest.decode(Array("hello".utf8)) == nil)
        for answer in [ConsoleAnswer.output("坐席 8001"), .error("refused"), .exit(3)] {
            #expect(ConsoleAnswer.decode(answer.encoded) == answer)
        }
        #expect(ConsoleOutput(["a"], errors: ["b"], status: 1).answers == [.output("a"), .error("b"), .exit(1)])
    }
}
