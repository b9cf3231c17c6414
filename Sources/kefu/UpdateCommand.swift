import ArgumentParser
import Tools

#if canImport(Glibc)
import Glibc
#endif

/// `kefu update FILE`: the A/B software update (docs/appliance.md).
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Write a software update into the other slot and make it the next boot's first choice (root).",
        discussion: """
        FILE is a kefu-update.bin from `make image`. Its header names the root file
        system, kernel and initramfs with their sizes and SHA-256; each is checked as it
        is written. The running slot is left alone. The new slot boots on trial: if
        kefud is not READY within --tries starts, the box returns to the running slot
        by itself. Reboot to switch.
        """)
    @Argument(help: "The update file (kefu-update.bin).") var file: String
    @Option(help: "Starts the new slot gets to reach READY (1-9).") var tries: Int = 3

    func run() throws {
        guard getuid() == 0 else {
            printError("kefu update: must run as root (it writes a disk partition and the boot loader's entries)")
            throw ExitCode(2)
        }
        let cmdline = (try? FileIO.read("/proc/cmdline")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        try finish(UpdateTool.run(file: file, box: UpdateTool.Box(cmdline: cmdline), tries: tries))
    }
}
