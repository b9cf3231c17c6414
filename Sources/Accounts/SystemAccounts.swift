#if canImport(Glibc)
import Glibc
#endif

/// Users and groups as the box's account database knows them (getpwuid_r,
/// getgrnam_r, getgrgid_r): for roles, the console's door and recording
/// file groups.
public enum SystemAccounts {
    /// The user's name and primary group (nil: no such user).
    public static func user(_ uid: UInt32) -> (name: String, gid: UInt32)? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return (String(cString: entry.pw_name), entry.pw_gid)
    }

    /// The user's name, or "uid N" when the account database has none.
    public static func userName(_ uid: UInt32) -> String { user(uid)?.name ?? "uid \(uid)" }

    /// A group's id by name (nil: no such group).
    public static func groupID(_ name: String) -> UInt32? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    /// A group's name by id (nil: no such group).
    public static func groupName(_ id: UInt32) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrgid_r(id, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return String(cString: entry.gr_name)
    }
}
