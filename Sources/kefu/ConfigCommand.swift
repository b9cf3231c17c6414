// `kefu config …`: configuration commands (offline; no daemon needed).
import ArgumentParser
import Tools

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration file, or list the prompt files it needs.",
        subcommands: [Check.self, Prompts.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file, its holiday calendars and prompt files.",
            discussion: """
            Prints every problem at once, one per line, then a summary:
              /etc/kefu/kefu.toml:42: error: [queues.sales] agents: no agent '8009' (defined: 8001, 8002)
              /etc/kefu/kefu.toml:7: warning: prompt directory '/etc/kefu/prompts' not found: ...
            In Chinese with --lang zh or a zh_* locale:
              /etc/kefu/kefu.toml:42: 错误: [queues.sales] 的 agents：没有坐席 '8009'（已定义：8001, 8002）
            With --json, one object per problem and no summary:
              {"file":"/etc/kefu/kefu.toml","line":42,"severity":"error","message":"...","message_zh":"..."}
            Exit status 0 when there is no error (warnings allowed), 1 when there
            are errors, 2 when the file cannot be read.
            """)

        @Argument(help: "The configuration file.")
        var file: String = ConfigCheckTool.defaultPath

        @OptionGroup var language: LanguageOption

        @Flag(help: "One JSON object per problem (message in English, message_zh in Chinese).") var json = false

        func run() throws {
            let result = ConfigCheckTool.run(path: file, chinese: language.chinese, json: json)
            if result.status == 2 {
                for line in result.lines { printError(line) }
            } else {
                for line in result.lines { print(line) }
            }
            if result.status != 0 { throw ExitCode(result.status) }
        }
    }

    struct Prompts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the prompt files a configuration needs.",
            discussion: """
            Prints one <language>/<name>.wav per line, relative to the prompt
            directory, for every prompt the file names and every language it
            configures (what `kefu config check` looks for). A file with errors
            lists nothing: the errors are printed and the exit status is 1.
            """)

        @Argument(help: "The configuration file.")
        var file: String = ConfigCheckTool.defaultPath

        @OptionGroup var language: LanguageOption

        func run() throws {
            let result = ConfigCheckTool.promptFiles(path: file, chinese: language.chinese)
            if result.status == 0 {
                for line in result.lines { print(line) }
            } else {
                for line in result.lines { printError(line) }
                throw ExitCode(result.status)
            }
        }
    }
}
