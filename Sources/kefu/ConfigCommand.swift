// `kefu config …`: configuration commands (offline; no daemon needed).
import ArgumentParser
import Tools

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration file.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file, its holiday calendars and prompt files.",
            discussion: """
            Prints every problem at once, one per line, then a summary:
              /etc/kefu/kefu.toml:42: error: [queues.sales] agents: no agent '8009' (defined: 8001, 8002)
              /etc/kefu/kefu.toml:7: warning: prompt directory '/etc/kefu/prompts' not found: ...
            Exit status 0 when there is no error (warnings allowed), 1 when there
            are errors, 2 when the file cannot be read.
            """)

        @Argument(help: "The configuration file.")
        var file: String = ConfigCheckTool.defaultPath

        func run() throws {
            let result = ConfigCheckTool.run(path: file)
            if result.status == 2 {
                for line in result.lines { printError(line) }
            } else {
                for line in result.lines { print(line) }
            }
            if result.status != 0 { throw ExitCode(result.status) }
        }
    }
}
