#if canImport(Glibc)
import Glibc
#endif
import Config
import Storage

/// Who runs a command, and the role the config's groups give them:
/// root and members of [security] admin_group are admins, members of
/// supervisor_group supervisors, everyone else a viewer.
public enum OperatorIdentity {
    /// The role of a user with these group names.
    public static func role(uid: UInt32, groups: [String], security: SecuritySection) -> Operator.Role {
        if uid == 0 || groups.contains(security.adminGroup) { return .admin }
        if groups.contains(security.supervisorGroup) { return .supervisor }
        return .viewer
    }

    /// The user running this process.
    public static func current(security: SecuritySection) -> Operator {
        let uid = getuid()
        let (name, gid) = user(uid)
        return Operator(name: name, role: role(uid: uid, groups: groupNames(user: name, gid: gid), security: security))
    }

    static func user(_ uid: uid_t) -> (String, gid_t) {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return ("uid \(uid)", getgid()) }
        return (String(cString: entry.pw_name), entry.pw_gid)
    }

    static func groupNames(user: String, gid: gid_t) -> [String] {
        var count: Int32 = 64
        var ids = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(user, gid, &ids, &count) < 0 {
            ids = [gid_t](repeating: 0, count: Int(count))
            guard getgrouplist(user, gid, &ids, &count) >= 0 else { return [] }
        }
        return ids.prefix(Int(count)).compactMap { id in
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            var buffer = [CChar](repeating: 0, count: 4096)
            guard getgrgid_r(id, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
            return String(cString: entry.gr_name)
        }
    }
}
