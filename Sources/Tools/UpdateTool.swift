#if canImport(Glibc)
import Glibc
#endif
import Crypto

/// `kefu update FILE`: writes an update (UpdateFile) into the slot the box is
/// not running and makes it the loader's first choice, on trial: the entry
/// is `kefu-B+TRIES.conf`, systemd-boot counts each start of it down, and
/// only a boot whose kefud reaches READY blesses it (kefu-boot-check.service).
/// With no tries left the entry sorts last and the box starts the old slot.
///
/// Order, so that a cut at any point leaves a box that starts the old slot:
/// the other slot's entries are removed first, then its partition, kernel
/// and initramfs are written (each checked against the header's SHA-256 as
/// it is written), and the new entry is written last.
public enum UpdateTool {
    /// Where the box's parts are; tests point them into a scratch folder.
    public struct Box: Sendable {
        public var cmdline: String
        /// Holds kefu-root-a and kefu-root-b (block devices on the box).
        public var partitions: String
        /// The EFI system partition, mounted.
        public var esp: String

        public init(cmdline: String, partitions: String = "/dev/disk/by-partlabel", esp: String = "/boot/efi") {
            self.cmdline = cmdline
            self.partitions = partitions
            self.esp = esp
        }
    }

    public static func run(file: String, box: Box, tries: Int) -> RecordingsTool.Output {
        var lines: [String] = []
        func failed(_ why: String) -> RecordingsTool.Output { RecordingsTool.Output(lines + [why], status: 1) }
        guard (1...9).contains(tries) else { return failed("--tries must be 1 to 9") }
        guard let slots = SlotChoice.from(cmdline: box.cmdline) else {
            return failed("kefu update: this system was not started from a Kefu A/B image (no kefu.slot=a|b with its kefu.root= on the kernel command line); nothing written")
        }
        let entries = box.esp + "/loader/entries"
        guard access(entries, W_OK) == 0 else {
            return failed("kefu update: \(entries): \(access(entries, F_OK) == 0 ? "not writable (run as root)" : "missing (is the EFI partition mounted at \(box.esp)?)"); nothing written")
        }
        let target = box.partitions + "/kefu-root-\(slots.other)"

        let input = open(file, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return failed("\(file): cannot open: \(String(cString: strerror(errno)))") }
        defer { close(input) }
        let fileSize = lseek(input, 0, SEEK_END)
        var head = [UInt8](repeating: 0, count: UpdateFile.headerSize)
        let got = head.withUnsafeMutableBytes { pread(input, $0.baseAddress, $0.count, 0) }
        let update: UpdateFile
        do { update = try UpdateFile.parse(Array(head.prefix(max(got, 0))), fileSize: Int64(fileSize), path: file) } catch {
            return failed(error.description)
        }
        let root = update.section("root")!, kernel = update.section("kernel")!, initrd = update.section("initrd")!

        let output = open(target, O_WRONLY | O_CLOEXEC)
        guard output >= 0 else { return failed("\(target): cannot open slot \(slots.other)'s partition: \(String(cString: strerror(errno))); nothing written") }
        defer { close(output) }
        let room = lseek(output, 0, SEEK_END)
        guard Int64(room) >= root.size else {
            return failed("\(file): its root file system has \(root.size / 1_048_576) MB, slot \(slots.other) (\(target)) \(room / 1_048_576) MB; nothing written")
        }
        lines.append("update \(update.version) from \(file); running slot \(slots.running), writing slot \(slots.other)")

        // 1. The other slot is about to change: no entry may start it meanwhile.
        var generation = 0
        for name in listDirectory(entries) where name.hasSuffix(".conf") {
            generation = max(generation, entryGeneration(entries + "/" + name))
            if name.hasPrefix("kefu-\(slots.other).") || name.hasPrefix("kefu-\(slots.other)+") {
                guard unlink(entries + "/" + name) == 0 else { return failed("\(entries)/\(name): cannot remove: \(String(cString: strerror(errno)))") }
                lines.append("removed the old entry \(name)")
            }
        }
        syncDirectory(entries)

        // 2. The root file system, the kernel and the initramfs, each checked as written.
        if let problem = copy(input, root, to: output, what: "root file system → \(target)") { return failed(problem) }
        lines.append("slot \(slots.other): \(root.size / 1_048_576) MB written to \(target), SHA-256 matches")
        let folder = box.esp + "/kefu/\(slots.other)"
        _ = mkdir(box.esp + "/kefu", 0o755)
        _ = mkdir(folder, 0o755)
        for (section, name) in [(kernel, "vmlinuz"), (initrd, "initrd.img")] {
            let path = folder + "/" + name
            let fd = open(path + ".new", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return failed("\(path).new: cannot create: \(String(cString: strerror(errno)))") }
            let problem = copy(input, section, to: fd, what: "\(section.name) → \(path)")
            close(fd)
            if let problem { return failed(problem) }
            guard rename(path + ".new", path) == 0 else { return failed("\(path): cannot rename into place: \(String(cString: strerror(errno)))") }
        }
        syncDirectory(folder)
        lines.append("kernel and initramfs in \(folder), SHA-256 match")

        // 3. The entry, last: from the next start the loader tries the new slot first.
        let name = "kefu-\(slots.other)+\(tries).conf"
        let text = slots.entry(version: update.version, generation: generation + 1)
        do { try FileIO.write(Array(text.utf8), to: entries + "/" + name + ".new") } catch { return failed(error.description) }
        guard rename(entries + "/" + name + ".new", entries + "/" + name) == 0 else {
            return failed("\(entries)/\(name): cannot rename into place: \(String(cString: strerror(errno)))")
        }
        syncDirectory(entries)
        lines.append("loader entry \(name): slot \(slots.other) starts first from the next boot, on trial: kefud must be READY within \(tries) start(s), else the box returns to slot \(slots.running) by itself")
        lines.append("reboot to switch: systemctl reboot")
        return RecordingsTool.Output(lines)
    }

    /// Copies a section of the update to `fd` from its start, hashing what
    /// it writes; nil when it is all there and its SHA-256 is the header's.
    static func copy(_ input: Int32, _ section: UpdateFile.Section, to fd: Int32, what: String) -> String? {
        var hash = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var done: Int64 = 0
        while done < section.size {
            let want = Int(min(Int64(buffer.count), section.size - done))
            let n = buffer.withUnsafeMutableBytes { pread(input, $0.baseAddress, want, off_t(section.offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return "\(what): the update file ends early (\(n < 0 ? String(cString: strerror(errno)) : "end of file"))" }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, n - written, off_t(done) + off_t(written)) }
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else { return "\(what): write failed: \(String(cString: strerror(errno)))" }
                written += w
            }
            buffer.withUnsafeBytes { hash.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            done += Int64(n)
        }
        guard fsync(fd) == 0 else { return "\(what): fsync failed: \(String(cString: strerror(errno)))" }
        let sum = hash.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        guard sum == section.sha256 else {
            return "\(what): SHA-256 \(sum) is not the header's \(section.sha256): the file is damaged; the slot is left without an entry (the box keeps starting the running one)"
        }
        return nil
    }

    /// An entry's `version N` (0 when it has none).
    static func entryGeneration(_ path: String) -> Int {
        guard let bytes = try? FileIO.read(path) else { return 0 }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("version ") {
            return Int(line.dropFirst(8).trimmed(" ")) ?? 0
        }
        return 0
    }

    static func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafePointer(to: e.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }
}

extension Substring {
    func trimmed(_ set: Character) -> Substring {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return s
    }
}
