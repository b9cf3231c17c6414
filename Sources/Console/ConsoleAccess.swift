#if canImport(Glibc)
import Glibc
#endif
import Accounts

/// Decides a console peer's role from its kernel credentials and the
/// config's groups: root and admin_group are admins, supervisor_group
/// supervisors, viewer_group viewers; anyone else is refused.
public struct ConsoleAccess: Sendable {
    public var adminGroup: String
    public var supervisorGroup: String
    public var viewerGroup: String
    let admin: UInt32?, supervisor: UInt32?, viewer: UInt32?

    public init(adminGroup: String, supervisorGroup: String, viewerGroup: String) {
        self.adminGroup = adminGroup
        self.supervisorGroup = supervisorGroup
        self.viewerGroup = viewerGroup
        admin = SystemAccounts.groupID(adminGroup)
        supervisor = SystemAccounts.groupID(supervisorGroup)
        viewer = SystemAccounts.groupID(viewerGroup)
    }

    /// Groups named in the config that do not exist on this box.
    public var missingGroups: [String] {
        zip([adminGroup, supervisorGroup, viewerGroup], [admin, supervisor, viewer]).filter { $0.1 == nil }.map(\.0)
    }

    public func admit(_ peer: PeerCredentials) -> Result<Operator, ConsoleRefusal> {
        let name = SystemAccounts.userName(peer.uid)
        let groups = peer.allGroups
        if peer.uid == 0 || admin.map(groups.contains) == true { return .success(Operator(name: name, role: .admin)) }
        if supervisor.map(groups.contains) == true { return .success(Operator(name: name, role: .supervisor)) }
        if viewer.map(groups.contains) == true { return .success(Operator(name: name, role: .viewer)) }
        return .failure(ConsoleRefusal(user: name, uid: peer.uid,
                                       reason: "\(name) is not in \(adminGroup), \(supervisorGroup) or \(viewerGroup)"))
    }
}
