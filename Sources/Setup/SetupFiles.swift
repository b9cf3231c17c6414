#if canImport(Glibc)
import Glibc
#endif
import Tools

/// One file setup would write: where, what is there now, what it would be.
public struct PlannedFile: Sendable, Equatable {
    public var path: String
    public var old: String?
    public var new: String

    public var changes: Bool { old != new }

    /// A unified diff (`--- FILE`, `+++ FILE (new)`, `@@` hunks with 3 lines of context).
    public var diff: [String] {
        guard changes else { return [] }
        return UnifiedDiff.lines(old: old ?? "", new: new, oldName: old == nil ? "/dev/null" : path, newName: path)
    }
}

enum UnifiedDiff {
    enum Op: Equatable { case same(String), removed(String), added(String) }

    static func ops(old: String, new: String) -> [Op] {
        func split(_ s: String) -> [String] {
            var l = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if l.last == "" { l.removeLast() }
            return l
        }
        let a = split(old), b = split(new)
        if a.isEmpty || b.isEmpty { return a.map(Op.removed) + b.map(Op.added) }
        var out: [Op] = []
        var i = 0, j = 0
        for change in LineDiff.changes(old: a.joined(separator: "\n"), new: b.joined(separator: "\n")) {
            switch change {
            case .removed(let line, let text):
                while i < line - 1 { out.append(.same(a[i])); i += 1; j += 1 }
                out.append(.removed(text)); i += 1
            case .added(let line, let text):
                while j < line - 1 { out.append(.same(b[j])); i += 1; j += 1 }
                out.append(.added(text)); j += 1
            }
        }
        while i < a.count { out.append(.same(a[i])); i += 1 }
        return out
    }

    static func lines(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> [String] {
        let all = ops(old: old, new: new)
        var out = ["--- \(oldName)", "+++ \(newName)"]
        let changed = all.indices.filter { if case .same = all[$0] { false } else { true } }
        var k = 0
        while k < changed.count {
            let start = max(0, changed[k] - context)
            var end = min(all.count, changed[k] + context + 1)
            while k + 1 < changed.count && changed[k + 1] - context <= end { k += 1; end = min(all.count, changed[k] + context + 1) }
            // Line numbers of the hunk's first line in each text.
            var oldLine = 1, newLine = 1
            for op in all[..<start] {
                switch op { case .same: oldLine += 1; newLine += 1; case .removed: oldLine += 1; case .added: newLine += 1 }
            }
            var oldCount = 0, newCount = 0, body: [String] = []
            for op in all[start..<end] {
                switch op {
                case .same(let t): body.append(" " + t); oldCount += 1; newCount += 1
                case .removed(let t): body.append("-" + t); oldCount += 1
                case .added(let t): body.append("+" + t); newCount += 1
                }
            }
            out.append("@@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) +\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@")
            out += body
            k += 1
        }
        return out
    }
}

/// Reading and writing setup's files: atomic (a temporary file in the same
/// folder, fsync, rename, fsync of the folder; `FileIO.write`), the previous
/// file kept as FILE.bak.
public enum SetupFileIO {
    /// The file's text, nil when there is none; throws when it exists but cannot be read.
    public static func read(_ path: String) throws(SetupRefusal) -> String? {
        guard access(path, F_OK) == 0 else { return nil }
        do { return String(decoding: try FileIO.read(path), as: UTF8.self) } catch {
            throw SetupRefusal("\(path): cannot be read (\(error.reason))", "\(path)：无法读取（\(error.reason)）")
        }
    }

    public static func write(_ file: PlannedFile) throws(SetupRefusal) {
        let path = file.path
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        try makeFolder(folder.isEmpty ? "/" : folder)
        if file.old != nil {
            let backup = path + ".bak"
            do { try FileIO.write(try FileIO.read(path), to: backup) } catch {
                throw SetupRefusal("\(backup): cannot keep the old file (\(error.reason)); nothing was written",
                                   "\(backup)：无法保留旧文件（\(error.reason)）；没有写入任何内容")
            }
        }
        do { try FileIO.write(Array(file.new.utf8), to: path) } catch {
            throw SetupRefusal("\(path): cannot be written (\(error.reason))", "\(path)：无法写入（\(error.reason)）")
        }
        let dir = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { _ = fsync(dir); close(dir) }
    }

    /// Creates a folder and its parents (mode 755).
    public static func makeFolder(_ folder: String) throws(SetupRefusal) {
        var path = ""
        for part in folder.split(separator: "/") {
            path += "/" + part
            if !folder.hasPrefix("/") && path.hasPrefix("/") { path.removeFirst() }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                let reason = String(cString: strerror(errno))
                throw SetupRefusal("\(path): cannot create the folder (\(reason))", "\(path)：无法创建目录（\(reason)）")
            }
        }
    }
}
