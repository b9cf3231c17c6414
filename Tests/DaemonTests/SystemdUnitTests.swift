import Foundation
import Testing

/// The units the appliance installs (systemd/) as systemd itself reads them.
@Suite struct SystemdUnitTests {
    static let units = ["kefud.service", "kefu-dahdi.service", "kefu-console@.service", "kefu-maintenance.service", "kefu-maintenance.timer",
                                "kefu-boot-check.service"]

    static var repository: String {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir.path
    }

    /// `systemd-analyze verify` of the given unit files (copied into a scratch
    /// folder, `/usr/sbin/kefud` pointed at the kefud just built, as verify
    /// wants executables that exist, and `/usr/bin/kefu` at the kefu beside it):
    /// its status and everything it said.
    static func verify(_ files: [String: String], instances: [String]) throws -> (status: Int32, output: String) {
        let dir = "/tmp/kefu-units-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, text) in files {
            let kefu = (DaemonProcess.kefud as NSString).deletingLastPathComponent + "/kefu"
            try text.replacingOccurrences(of: "/usr/sbin/kefud", with: DaemonProcess.kefud)
                .replacingOccurrences(of: "/usr/bin/kefu ", with: kefu + " ")
                .replacingOccurrences(of: "/usr/lib/kefu/kefu-boot-check", with: repository + "/image/rootfs/usr/lib/kefu/kefu-boot-check")
                .write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = ["verify", "--man=no"] + instances.map { dir + "/" + $0 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static func unitTexts() throws -> [String: String] {
        try Dictionary(uniqueKeysWithValues: units.map { ($0, try String(contentsOfFile: repository + "/systemd/" + $0, encoding: .utf8)) })
    }

    @Test("systemd-analyze verify accepts kefud.service, kefu-dahdi.service, the serial console unit, the maintenance timer and the A/B boot check without a single remark")
    func unitsPassVerify() throws {
        let result = try Self.verify(Self.unitTexts(), instances: ["kefud.service", "kefu-dahdi.service", "kefu-console@ttyS0.service",
                                                                    "kefu-maintenance.service", "kefu-maintenance.timer", "kefu-boot-check.service"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "systemd-analyze said: \(result.output)")
    }

    @Test("the same check names a misspelt key and a wrong service type (it can fail)")
    func verifyCatchesMistakes() throws {
        var texts = try Self.unitTexts()
        texts["kefud.service"] = texts["kefud.service"]!
            .replacingOccurrences(of: "WatchdogSec=", with: "WatchdogSecs=")
            .replacingOccurrences(of: "Type=notify", with: "Type=notifyy")
        let result = try Self.verify(texts, instances: ["kefud.service"])
        #expect(result.output.contains("WatchdogSecs"), "systemd-analyze said: \(result.output)")
        #expect(result.output.contains("notifyy"), "systemd-analyze said: \(result.output)")
    }

    @Test("kefud.service is Type=notify with a watchdog, restarts on failure, may run real-time, and may write only its data")
    func kefudUnitAsks() throws {
        let text = try Self.unitTexts()["kefud.service"]!
        let lines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for expected in ["Type=notify", "WatchdogSec=10s", "Restart=on-failure", "LimitRTPRIO=50", "LimitMEMLOCK=infinity",
                         "User=kefu", "ProtectSystem=strict", "ReadWritePaths=/var/lib/kefu", "Requires=kefu-dahdi.service"] {
            #expect(lines.contains(expected), "kefud.service lacks \(expected)")
        }
    }

    @Test("the maintenance timer runs kefu maintenance daily as kefu, catching up after the box was off")
    func maintenanceTimerRunsTheCheck() throws {
        let texts = try Self.unitTexts()
        let service = Set(texts["kefu-maintenance.service"]!.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let timer = Set(texts["kefu-maintenance.timer"]!.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for expected in ["Type=oneshot", "User=kefu", "ReadWritePaths=/var/lib/kefu",
                         "ExecStart=/usr/bin/kefu maintenance --config /etc/kefu/kefu.toml --data-dir /var/lib/kefu"] {
            #expect(service.contains(expected), "kefu-maintenance.service lacks \(expected)")
        }
        for expected in ["OnCalendar=*-*-* 03:30:00", "Persistent=true", "WantedBy=timers.target"] {
            #expect(timer.contains(expected), "kefu-maintenance.timer lacks \(expected)")
        }
    }

    @Test("the boot check is required by boot-complete.target, ordered after kefud, and reboots when it fails")
    func bootCheckGatesBlessing() throws {
        let lines = Set(try Self.unitTexts()["kefu-boot-check.service"]!.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for expected in ["After=kefud.service", "Before=boot-complete.target", "RequiredBy=boot-complete.target",
                         "FailureAction=reboot", "Type=oneshot"] {
            #expect(lines.contains(expected), "kefu-boot-check.service lacks \(expected)")
        }
    }
}
