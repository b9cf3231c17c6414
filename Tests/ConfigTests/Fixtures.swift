import Foundation
import Config

/// The repository's own files (the shipped example config and calendar).
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }
}

/// A small valid config; tests append or replace parts of it.
let minimalConfig = """
[system]
languages = ["zh", "en"]

[lines.pstn]
signalling = "fxo"
channels = "1-4"
menu = "main"

[lines.phones]
signalling = "fxs"
channels = "5-6"

[agents.8001]
phone = 5

[queues.sales]
agents = ["8001"]

[menus.main]
prompt = "welcome"
[menus.main.keys]
1 = "queue sales"
"""

func load(_ text: String) -> ConfigLoadResult { ConfigLoader.load(text, file: "kefu.toml") }

/// "LINE: message" for each error, in line order.
func errors(_ text: String) -> [String] {
    load(text).diagnostics.errors.map { "\($0.line): \($0.message)" }
}

func warnings(_ text: String) -> [String] {
    load(text).diagnostics.warnings.map { "\($0.line): \($0.message)" }
}
