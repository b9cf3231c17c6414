#if canImport(Glibc)
import Glibc
#endif

/// Who is on the other end of a unix socket, as the kernel says: the
/// process's uid, gid and supplementary groups (SO_PEERCRED, SO_PEERGROUPS),
/// captured when it connected. Nothing the client sends can change them.
public struct PeerCredentials: Sendable, Equatable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32
    public var groups: [UInt32]

    public static func of(_ fd: Int32) -> PeerCredentials? {
        // struct ucred (pid, uid, gid), laid out as the kernel fills it; Glibc
        // exports the type only under _GNU_SOURCE.
        var cred = (pid: Int32(0), uid: UInt32(0), gid: UInt32(0))
        var length = socklen_t(12)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &length) == 0 else { return nil }
        var groups = [gid_t](repeating: 0, count: 256)
        var size = socklen_t(groups.count * MemoryLayout<gid_t>.size)
        let soPeerGroups: Int32 = 59  // SO_PEERGROUPS (Linux 4.13)
        if getsockopt(fd, SOL_SOCKET, soPeerGroups, &groups, &size) != 0 { size = 0 }
        let count = Int(size) / MemoryLayout<gid_t>.size
        guard length == 12 else { return nil }
        return PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid, groups: Array(groups.prefix(count)))
    }

    /// Every group the peer is in (primary first).
    public var allGroups: [UInt32] { [gid] + groups.filter { $0 != gid } }
}
