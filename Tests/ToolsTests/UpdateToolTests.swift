import Crypto
import Foundation
import Testing
import Tools

/// `kefu update` on a scratch "box": the partitions are files, the EFI
/// partition a folder, the kernel command line a string.
@Suite struct UpdateToolTests {
    struct Scratch {
        let dir: String
        var esp: String { dir + "/esp" }
        var entries: String { esp + "/loader/entries" }
        init() throws {
            dir = NSTemporaryDirectory() + "kefu-update-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try FileManager.default.createDirectory(atPath: dir + "/esp/loader/entries", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: dir + "/parts", withIntermediateDirectories: true)
            for slot in ["a", "b"] { FileManager.default.createFile(atPath: dir + "/parts/kefu-root-\(slot)", contents: Data(count: 64 * 1024)) }
            try "title Kefu 1 (slot a)\nsort-key kefu\nversion 4\nlinux /kefu/a/vmlinuz\n".write(toFile: entries + "/kefu-a.conf", atomically: true, encoding: .utf8)
            try "old\n".write(toFile: entries + "/kefu-b+0-3.conf", atomically: true, encoding: .utf8)
        }
        func box(_ cmdline: String = "BOOT_IMAGE=x kefu.root=kefu-root-a kefu.slot=a rw console=ttyS0,115200 initrd=\\kefu\\a\\initrd.img") -> UpdateTool.Box {
            UpdateTool.Box(cmdline: cmdline, partitions: dir + "/parts", esp: esp)
        }
        func read(_ path: String) -> [UInt8] { [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()) }
        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    static func hex(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }

    /// An update file as image/rootfs.sh's make_update writes it; `damage` changes one byte of the root after hashing.
    static func updateFile(root: [UInt8], kernel: [UInt8], initrd: [UInt8], damage: Bool = false) -> [UInt8] {
        var header = "KEFU-UPDATE 1\nversion test-7\n"
        for (name, bytes) in [("root", root), ("kernel", kernel), ("initrd", initrd)] { header += "\(name) \(bytes.count) \(hex(bytes))\n" }
        var file = Array(header.utf8) + [UInt8](repeating: 0, count: 4096 - header.utf8.count)
        for var bytes in [root, kernel, initrd] {
            if damage && bytes == root { bytes[100] ^= 0xFF }
            file += bytes + [UInt8](repeating: 0, count: (4096 - bytes.count % 4096) % 4096)
        }
        return file
    }

    static let root = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    static let kernel = [UInt8](repeating: 0xAB, count: 5000)
    static let initrd = [UInt8](repeating: 0xCD, count: 300)

    @Test("an update on slot a writes slot b's partition, kernel and initramfs, then an entry on trial that sorts first")
    func writesOtherSlotAndEntry() throws {
        let s = try Scratch()
        defer { s.remove() }
        let file = s.dir + "/u.bin"
        try Data(Self.updateFile(root: Self.root, kernel: Self.kernel, initrd: Self.initrd)).write(to: URL(fileURLWithPath: file))
        let out = UpdateTool.run(file: file, box: s.box(), tries: 2)
        #expect(out.status == 0, "\(out.lines)")
        #expect(Array(s.read(s.dir + "/parts/kefu-root-b").prefix(Self.root.count)) == Self.root)
        #expect(s.read(s.dir + "/parts/kefu-root-a") == [UInt8](repeating: 0, count: 64 * 1024))
        #expect(s.read(s.esp + "/kefu/b/vmlinuz") == Self.kernel)
        #expect(s.read(s.esp + "/kefu/b/initrd.img") == Self.initrd)
        let names = try FileManager.default.contentsOfDirectory(atPath: s.entries).sorted()
        #expect(names == ["kefu-a.conf", "kefu-b+2.conf"])
        let entry = String(decoding: s.read(s.entries + "/kefu-b+2.conf"), as: UTF8.self)
        #expect(entry == """
            title Kefu test-7 (slot b)
            sort-key kefu
            version 5
            linux /kefu/b/vmlinuz
            initrd /kefu/b/initrd.img
            options kefu.root=kefu-root-b kefu.slot=b rw console=ttyS0,115200

            """)
        #expect(out.lines.contains("removed the old entry kefu-b+0-3.conf"))
        #expect(out.lines.last == "reboot to switch: systemctl reboot")
    }

    @Test("a root file system whose bytes do not match the header's SHA-256 gets no entry, and the running slot stays the only one")
    func damagedUpdateGetsNoEntry() throws {
        let s = try Scratch()
        defer { s.remove() }
        let file = s.dir + "/u.bin"
        try Data(Self.updateFile(root: Self.root, kernel: Self.kernel, initrd: Self.initrd, damage: true)).write(to: URL(fileURLWithPath: file))
        let out = UpdateTool.run(file: file, box: s.box(), tries: 3)
        #expect(out.status == 1)
        #expect(out.lines.last?.contains("is not the header's") == true, "\(out.lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.entries) == ["kefu-a.conf"])
    }

    @Test("not an A/B boot, a file that is not an update, a cut-short file and a slot too small are refused before anything is written")
    func refusals() throws {
        let s = try Scratch()
        defer { s.remove() }
        let good = Self.updateFile(root: Self.root, kernel: Self.kernel, initrd: Self.initrd)
        let file = s.dir + "/u.bin"
        try Data(good).write(to: URL(fileURLWithPath: file))
        let plain = UpdateTool.run(file: file, box: s.box("root=/dev/sda1 ro quiet"), tries: 3)
        #expect(plain.status == 1 && plain.lines.last!.contains("not started from a Kefu A/B image"))

        try Data("hello\n".utf8 + [UInt8](repeating: 0, count: 5000)).write(to: URL(fileURLWithPath: file))
        let junk = UpdateTool.run(file: file, box: s.box(), tries: 3)
        #expect(junk.lines.last == "\(file): not a Kefu update file: the first line is 'hello', expected 'KEFU-UPDATE 1'")

        try Data(good.dropLast(4096)).write(to: URL(fileURLWithPath: file))
        let short = UpdateTool.run(file: file, box: s.box(), tries: 3)
        #expect(short.lines.last?.contains("the header's sections add up to \(good.count) bytes, the file has \(good.count - 4096)") == true, "\(short.lines)")

        let big = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        try Data(Self.updateFile(root: big, kernel: Self.kernel, initrd: Self.initrd)).write(to: URL(fileURLWithPath: file))
        let tooBig = UpdateTool.run(file: file, box: s.box(), tries: 3)
        #expect(tooBig.lines.last?.contains("nothing written") == true, "\(tooBig.lines)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.entries).sorted() == ["kefu-a.conf", "kefu-b+0-3.conf"])
    }
}
