import Console
import Foundation

/// What a test reads off a running kefud: console answers with the time
/// they took, numbers in `status` and in the summary it prints when it
/// stops, and its resident memory and CPU time from /proc.
extension DaemonProcess {
    /// One console command as root, and the wall-clock seconds its answer took.
    func timed(_ words: [String], json: Bool = false) throws -> (output: ConsoleOutput, seconds: Double) {
        let started = Date()
        let output = try ConsoleClient.send(ConsoleRequest(arguments: words, json: json), to: socket)
        return (output, Date().timeIntervalSince(started))
    }

    /// `status` as text lines (empty when kefud refused it).
    func status() throws -> [String] {
        let output = try ConsoleClient.send(ConsoleRequest(arguments: ["status"]), to: socket)
        return output.status == 0 ? output.lines : []
    }

    /// The whole number written after `label` in `lines` ("finished since
    /// start 12" → 12 for "finished since start"), the first such.
    static func number(after label: String, in lines: [String]) -> Int? {
        for line in lines {
            guard let range = line.range(of: label + " ") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits) { return n }
        }
        return nil
    }

    /// Resident memory (VmRSS) in kilobytes; 0 once it has ended.
    var residentKilobytes: Int {
        let text = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// CPU time used so far, user and system, in seconds.
    var cpuSeconds: Double {
        let text = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
        // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th field, stime the 15th.
        let fields = text.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// What kefud printed (notes, and the summary after it stopped).
    var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
}
