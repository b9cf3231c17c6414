/// The update file `make image` writes (image/rootfs.sh, make_update) and
/// `kefu update` reads: a 4096-byte text header, NUL-padded,
///
///     KEFU-UPDATE 1
///     version 0d2956c-202612031930
///     root 612368384 <sha256 hex>
///     kernel 7963584 <sha256 hex>
///     initrd 1523412 <sha256 hex>
///
/// then the sections in that order, each starting on a 4096-byte boundary:
/// the root file system (ext4), the kernel, the initramfs.
public struct UpdateFile: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var name: String
        public var size: Int64
        public var sha256: String
        public var offset: Int64
    }

    public static let headerSize = 4096
    public static let sectionNames = ["root", "kernel", "initrd"]

    public var version: String
    public var sections: [Section]

    public func section(_ name: String) -> Section? { sections.first { $0.name == name } }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads the header (`bytes`: the file's first 4096 bytes) and checks it
    /// against the file's size: every section present, once, with a size and
    /// a SHA-256, the file exactly as long as its sections.
    public static func parse(_ bytes: [UInt8], fileSize: Int64, path: String) throws(Failure) -> UpdateFile {
        func fail(_ why: String) -> Failure { Failure(description: "\(path): not a Kefu update file: \(why)") }
        guard bytes.count >= headerSize else { throw fail("shorter than its \(headerSize)-byte header (\(fileSize) bytes)") }
        let text = String(decoding: bytes[0..<headerSize].prefix { $0 != 0 }, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == "KEFU-UPDATE 1" else {
            throw fail("the first line is '\(lines.first?.prefix(40) ?? "")', expected 'KEFU-UPDATE 1'")
        }
        lines.removeFirst()
        var version: String?
        var sections: [Section] = []
        var offset = Int64(headerSize)
        for (i, line) in lines.enumerated() {
            let words = line.split(separator: " ").map(String.init)
            let place = "header line \(i + 2)"
            if words.first == "version" {
                guard words.count == 2 else { throw fail("\(place): 'version' takes one word") }
                version = words[1]
                continue
            }
            guard let name = words.first, sectionNames.contains(name) else { throw fail("\(place): unknown entry '\(words.first ?? "")'") }
            guard sections.allSatisfy({ $0.name != name }) else { throw fail("\(place): '\(name)' appears twice") }
            guard words.count == 3, let size = Int64(words[1]), size > 0 else { throw fail("\(place): expected '\(name) SIZE SHA256'") }
            let hex = words[2]
            guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw fail("\(place): '\(hex.prefix(70))' is not a SHA-256 in lower-case hex")
            }
            sections.append(Section(name: name, size: size, sha256: hex, offset: offset))
            offset += (size + 4095) / 4096 * 4096
        }
        guard let version else { throw fail("no 'version' line") }
        let missing = sectionNames.filter { n in !sections.contains { $0.name == n } }
        guard missing.isEmpty else { throw fail("no \(missing.joined(separator: ", ")) section") }
        guard offset == fileSize else {
            throw fail("the header's sections add up to \(offset) bytes, the file has \(fileSize) (cut short or padded?)")
        }
        return UpdateFile(version: version, sections: sections)
    }
}

/// Which slot the box runs, from the kernel command line the loader entry
/// gave (`kefu.slot=a kefu.root=kefu-root-a`), and the other one.
public struct SlotChoice: Sendable, Equatable {
    public var running: String
    public var other: String
    /// The command line for the other slot: this one's, slot words swapped,
    /// the loader's own words (`initrd=`, `BOOT_IMAGE=`) left out.
    public var otherOptions: String

    public static func from(cmdline: String) -> SlotChoice? {
        let words = cmdline.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard let slot = words.first(where: { $0.hasPrefix("kefu.slot=") }).map({ String($0.dropFirst(10)) }),
              ["a", "b"].contains(slot), words.contains("kefu.root=kefu-root-\(slot)") else { return nil }
        let other = slot == "a" ? "b" : "a"
        let options = words.compactMap { w -> String? in
            if w.hasPrefix("initrd=") || w.hasPrefix("BOOT_IMAGE=") { return nil }
            if w == "kefu.slot=\(slot)" { return "kefu.slot=\(other)" }
            if w == "kefu.root=kefu-root-\(slot)" { return "kefu.root=kefu-root-\(other)" }
            return w
        }
        return SlotChoice(running: slot, other: other, otherOptions: options.joined(separator: " "))
    }

    /// The loader entry for the other slot (systemd-boot, Boot Loader
    /// Specification): `sort-key` and a `version` above every entry's put it
    /// first, so it is the default while it has tries left.
    public func entry(version: String, generation: Int) -> String {
        """
        title Kefu \(version) (slot \(other))
        sort-key kefu
        version \(generation)
        linux /kefu/\(other)/vmlinuz
        initrd /kefu/\(other)/initrd.img
        options \(otherOptions)

        """
    }
}
