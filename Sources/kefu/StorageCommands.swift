import ArgumentParser
import Tools

#if canImport(Glibc)
import Glibc
#endif

/// Where the box's data is: the config (data directory, time zone, groups) or a directory given outright.
struct StorageOptions: ParsableArguments {
    @Option(help: "The config file.")
    var config: String = ConfigCheckTool.defaultPath

    @Option(name: .customLong("data-dir"), help: "Data directory holding kefu.db. Default: the config's [system] data_directory.")
    var dataDirectory: String?

    func context() throws -> StorageContext {
        do { return try StorageContext.open(configPath: config, dataDirectory: dataDirectory) } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

func finish(_ output: RecordingsTool.Output) throws {
    for line in output.lines.dropLast(output.status == 0 ? 0 : 1) { print(line) }
    if output.status != 0, let reason = output.lines.last { printError(reason) }
    if output.status != 0 { throw ExitCode(output.status) }
}

struct RecordingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recordings",
        abstract: "Find, play, export, flag and delete call recordings (every access is audited).",
        discussion: """
        Who may play and export recordings is [security] recordings_access (supervisor
        or admin); deleting needs admin. Members of [security] admin_group and root are
        admins, members of supervisor_group supervisors.
        """,
        subcommands: [List.self, Info.self, Export.self, ExportMatching.self, Play.self, FlagCall.self, Delete.self, Review.self, Keygen.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recordings (oldest first); * marks flagged calls.")
        @OptionGroup var storage: StorageOptions
        @Option(help: "First day, YYYY-MM-DD (the box's time zone).") var from: String?
        @Option(help: "Last day, YYYY-MM-DD.") var to: String?
        @Option(help: "Only this agent's calls.") var agent: String?
        @Option(help: "Only this queue's calls.") var queue: String?
        @Flag(help: "One JSON object per line.") var json = false
        @OptionGroup var language: LanguageOption
        func run() throws {
            try finish(RecordingsTool.list(try storage.context(), from: from, to: to, agent: agent, queue: queue, json: json, chinese: language.chinese))
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A recording's file, times, state and quality findings.")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The call number.") var call: Int64
        @Flag(help: "As a JSON object.") var json = false
        @OptionGroup var language: LanguageOption
        func run() throws { try finish(RecordingsTool.info(try storage.context(), call: call, json: json, chinese: language.chinese)) }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a recording as a plain stereo WAV (decrypted if sealed); never overwrites.")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The call number.") var call: Int64
        @Argument(help: "The WAV file to create.") var file: String
        @OptionGroup var language: LanguageOption
        func run() throws { try finish(RecordingsTool.export(try storage.context(), call: call, to: file, chinese: language.chinese)) }
    }

    struct ExportMatching: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export-all",
                                                        abstract: "Export every recording a query finds into a folder (CALL.wav each, each audited).")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The folder to write into (created, mode 700).") var folder: String
        @Option(help: "First day, YYYY-MM-DD.") var from: String?
        @Option(help: "Last day, YYYY-MM-DD.") var to: String?
        @Option(help: "Only this agent's calls.") var agent: String?
        @Option(help: "Only this queue's calls.") var queue: String?
        @OptionGroup var language: LanguageOption
        func run() throws {
            try finish(RecordingsTool.exportMatching(try storage.context(), from: from, to: to, agent: agent, queue: queue, into: folder,
                                                     chinese: language.chinese))
        }
    }

    struct Play: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Play a recording on the box's sound device (caller left, agent right).")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The call number.") var call: Int64
        @Option(help: "ALSA device.") var device: String = "default"
        @OptionGroup var language: LanguageOption
        func run() throws { try finish(RecordingsTool.play(try storage.context(), call: call, device: device, chinese: language.chinese)) }
    }

    struct FlagCall: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "flag", abstract: "Flag a call (a complaint): its recording is kept [retention] flagged_recordings_days.")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The call number.") var call: Int64
        @Option(help: "Why (kept in the audit log).") var reason: String
        @Flag(help: "Clear the flag instead.") var clear = false
        @OptionGroup var language: LanguageOption
        func run() throws { try finish(RecordingsTool.flag(try storage.context(), call: call, clear: clear, reason: reason, chinese: language.chinese)) }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a recording's audio (admin); its row and the audit entry stay.")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The call number.") var call: Int64
        @Option(help: "Why (kept in the audit log).") var reason: String
        @OptionGroup var language: LanguageOption
        func run() throws { try finish(RecordingsTool.delete(try storage.context(), call: call, reason: reason, chinese: language.chinese)) }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quality inspection: each agent's lowest-scored calls per day.",
            discussion: "Scores start at 100 and lose points for long silences, over-talk, one-sided talk, very short calls and low survey scores.")
        @OptionGroup var storage: StorageOptions
        @Option(help: "First day, YYYY-MM-DD.") var from: String?
        @Option(help: "Last day, YYYY-MM-DD.") var to: String?
        @Option(help: "Calls per agent per day.") var worst: Int = 3
        @Flag(help: "One JSON object per line.") var json = false
        @OptionGroup var language: LanguageOption
        func validate() throws { guard worst > 0 else { throw ValidationError("--worst must be at least 1") } }
        func run() throws {
            try finish(RecordingsTool.review(try storage.context(), from: from, to: to, worst: worst, json: json, chinese: language.chinese))
        }
    }

    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a new recording key file (mode 600; an existing file is never overwritten).")
        @Argument(help: "The key file to create, e.g. /etc/kefu/recording.key.") var file: String
        @OptionGroup var language: LanguageOption
        func run() throws { try finish(RecordingsTool.keygen(path: file, chinese: language.chinese)) }
    }
}

struct CDRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdr",
        abstract: "Call detail records.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write call records as CSV for Excel (UTF-8 with BOM).")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "The CSV file to write.") var file: String
        @Option(help: "First day, YYYY-MM-DD.") var from: String?
        @Option(help: "Last day, YYYY-MM-DD.") var to: String?
        @Option(help: "Column titles: en or zh.") var lang: String = "zh"
        func validate() throws { guard ["en", "zh"].contains(lang) else { throw ValidationError("--lang must be en or zh") } }
        func run() throws { try finish(CDRTool.export(try storage.context(), from: from, to: to, chinese: lang == "zh", path: file)) }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The access and change audit log (admin).")
    @OptionGroup var storage: StorageOptions
    @Option(help: "First day, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day, YYYY-MM-DD.") var to: String?
    @Flag(help: "One JSON object per line.") var json = false
    @OptionGroup var language: LanguageOption
    func run() throws { try finish(AuditTool.list(try storage.context(), from: from, to: to, json: json, chinese: language.chinese)) }
}

struct StorageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "storage", abstract: "Database, disk space, retention and encryption at a glance.")
    @OptionGroup var storage: StorageOptions
    func run() throws {
        let context = try storage.context()
        try finish(StorageStatusTool.status(context, recordingsDirectory: storage.dataDirectory.map { $0 + "/recordings" }))
    }
}

struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Check kefu.db's integrity, fold its write-ahead log in, optimize, report the disk (the daily timer runs it).",
        discussion: "Exit status 1 when the database fails its check or the recordings' disk is below its floor.")
    @OptionGroup var storage: StorageOptions
    func run() throws {
        try finish(MaintenanceTool.run(try storage.context(), recordingsDirectory: storage.dataDirectory.map { $0 + "/recordings" }))
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "KPIs from the database: per queue, per agent, busiest hours, staffing had/needed (supervisor).",
        discussion: """
        Service level = answered within the queue's service_level ÷ (offered − short abandons,
        under 5 s). AHT = talk + wrap-up. Occupancy = (talk + wrap-up) ÷ (logged in − paused).
        CSAT/DSAT = scores ≥ 4 / ≤ 2 of 5. FCR = answered callers who did not call again within 24 h.
        """)
    @OptionGroup var storage: StorageOptions
    @Option(help: "First day, YYYY-MM-DD (default today).") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (default: the first).") var to: String?
    @Option(help: "Write CSV files (queues, agents, pauses, hours, days, staffing) into this folder.") var csv: String?
    @OptionGroup var language: LanguageOption
    @Flag(help: "One JSON object per line.") var json = false
    func run() throws {
        try finish(ReportTool.run(try storage.context(), from: from, to: to, json: json, chinese: language.chinese, csvDirectory: csv))
    }
}
