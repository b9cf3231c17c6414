import Foundation
import Testing
import ACD
import CallControl
import Channels
import Storage
import Telephony

/// A supervisor on their phone listens to, whispers to and joins an agent's
/// call; others are refused; every use is audited.
@Suite struct MonitoringTests {
    @Test func aSupervisorListensUnheardThenWhispersToTheAgentThenJoinsTheCall() throws {
        let call = try PhoneCall()
        call.hook(call.supervisor, offHook: true)
        call.dial("*518001#", on: call.supervisor)
        #expect(call.flow.phones[call.supervisor] == .monitoring(agent: call.agent, mode: .listen))
        #expect(call.status("8004") == .consulting(call.acdID), "a monitoring supervisor gets no offers")
        var heard = call.exchange()
        #expect(heard[call.supervisor] == 1200, "hears caller and agent")
        #expect(heard[call.line] == 200 && heard[call.agent] == 1000, "neither hears the supervisor")
        call.dial("5", on: call.supervisor)
        heard = call.exchange()
        #expect(heard[call.agent] == 1004 && heard[call.line] == 200, "whisper: the agent hears the supervisor, the caller does not")
        call.dial("6", on: call.supervisor)
        heard = call.exchange()
        #expect(heard[call.agent] == 1004 && heard[call.line] == 204, "barge: everyone hears everyone")
        call.hook(call.supervisor, offHook: false)
        heard = call.exchange()
        #expect(heard[call.line] == 200 && heard[call.agent] == 1000)
        #expect(call.status("8004") == .available)
        let log = call.rig.control.log
        #expect(log.contains("agent 8004: listen \(call.id) (agent 8001 on ch9)"))
        #expect(log.contains("agent 8004: whisper \(call.id) (switched from listen)"))
        #expect(log.contains("agent 8004: barge \(call.id) (switched from whisper)"))
    }

    @Test func anAgentWhoIsNotASupervisorIsRefusedAndTheRefusalIsAudited() throws {
        let call = try PhoneCall()
        call.hook(call.colleague, offHook: true)  // 8003, not a supervisor
        call.rig.press("*518001#", on: call.colleague)
        #expect(call.tones(on: call.colleague, ticks: 120).contains("tone:refused"))
        #expect(call.flow.phones[call.colleague] == .offHook)
        #expect(call.exchange()[call.colleague] == 0, "hears nothing of the call")
        #expect(call.rig.control.log.contains("agent 8003: listen-refused agent 8001 (not a supervisor)"))
    }

    @Test func monitoringAnAgentWithoutACallIsRefusedAndEndsWhenTheAgentHolds() throws {
        let call = try PhoneCall()
        call.hook(call.supervisor, offHook: true)
        call.rig.press("*518003#", on: call.supervisor)
        #expect(call.tones(on: call.supervisor, ticks: 120).contains("tone:refused"))
        #expect(call.rig.control.log.contains("agent 8004: listen-refused agent 8003 (agent 8003 is not talking to a caller)"))
        call.hook(call.supervisor, offHook: false)
        call.hook(call.supervisor, offHook: true)
        call.dial("*528001#", on: call.supervisor)
        #expect(call.flow.phones[call.supervisor] == .monitoring(agent: call.agent, mode: .whisper))
        call.flash(call.agent)
        #expect(call.flow.phones[call.supervisor] == .afterCall)
        #expect(call.tones(on: call.supervisor).first == "tone:busy")
    }
}

/// Monitoring is written to the audit log in kefu.db, with who, what and which call.
@Suite struct MonitoringAuditTests {
    @Test func listeningAndARefusalReachTheStoredAuditLog() throws {
        let path = NSTemporaryDirectory() + "kefu-monitor-audit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let writer = try StoreWriter(path: path)
        let call = try PhoneCall(store: writer)
        call.hook(call.supervisor, offHook: true)
        call.dial("*518001#", on: call.supervisor)
        call.hook(call.colleague, offHook: true)
        call.dial("*528001#", on: call.colleague)
        #expect(writer.flush())
        writer.stop()
        let entries = try CallStore(path: path).audit()
        #expect(entries.contains { $0.user == "agent 8004" && $0.action == "listen" && $0.object == call.id.description })
        #expect(entries.contains { $0.user == "agent 8003" && $0.action == "whisper-refused" && $0.detail == "not a supervisor" })
    }
}

/// A call is in the database from its answer on, so a crash in the menus
/// or the queue leaves a row that start-up marks interrupted.
@Suite struct AnsweredCallRowTests {
    @Test func anAnsweredCallIsStoredAsInProgressBeforeItReachesAnAgent() throws {
        let path = NSTemporaryDirectory() + "kefu-answered-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let writer = try StoreWriter(path: path)
        let rig = try CenterRig(at: "2026-03-04", 10, store: writer)
        #expect(rig.ring(ChannelNumber(1), callerID: "13800138000"))
        let id = try #require(rig.control.flow.calls.keys.first)
        #expect(writer.flush())
        #expect(try CallStore(path: path).callState(Int64(id.rawValue)) == "in-progress", "in the menus, not recorded, already stored")
        writer.stop()
    }
}
