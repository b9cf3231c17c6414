#if canImport(Glibc)
import Glibc
#endif
import Accounts
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
        let (name, gid) = SystemAccounts.user(uid) ?? ("uid \(uid)", getgid())
        return Operator(name: name, role: role(uid: uid, groups: groupNames(user: name, gid: gid), security: security))
    }

    static func groupNames(user: String, gid: gid_t) -> [String] {
        var count: Int32 = 64
        var ids = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(user, gid, &ids, &count) < 0 {
            ids = [gid_t](repeating: 0, count: Int(count))
            guard getgrouplist(user, gid, &ids, &count) >= 0 else { return [] }
        }
        return ids.prefix(Int(count)).compactMap(SystemAccounts.groupName)
    }
}
