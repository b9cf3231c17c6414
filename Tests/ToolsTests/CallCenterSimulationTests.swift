import Testing
import ACD
import Telephony
import Tools

/// The simulator with scenarios the command line does not reach: callbacks,
/// reconciliation, several queues, a front door in place of the IVR.
@Suite struct CallCenterSimulationTests {
    static func scenario(agents: Int = 10, callsPerHour: Double = 200, hours: Double = 2,
                         queue adjust: (inout QueueConfiguration) -> Void = { _ in }) -> SimScenario {
        var queue = QueueConfiguration(id: "sales")
        adjust(&queue)
        let agentConfigurations = (1...agents).map { AgentConfiguration(id: AgentID("s\($0)"), homeChannel: ChannelID($0), queues: ["sales"]) }
        let stream = SimCallerStream(queue: "sales", callsPerHour: callsPerHour, talkTime: .exponential(mean: 180))
        return SimScenario(configuration: ACDConfiguration(queues: [queue], agents: agentConfigurations),
                           streams: [stream], duration: .seconds(hours * 3600))
    }

    @Test func callbacksAreBookedAndPlacedWithinTheLineShare() throws {
        var scenario = Self.scenario(agents: 9, callsPerHour: 200, hours: 8) { queue in
            queue.callback = CallbackPolicy(key: .one)
        }
        scenario.configuration.outbound = OutboundLines(lines: 8, maxShare: 0.25)
        scenario.streams[0].callbackAfter = .seconds(30)
        scenario.streams[0].callbackShare = 0.5
        scenario.streams[0].patience = .exponential(mean: 300)
        let stats = try CallCenterSimulation.run(scenario).queues[0].statistics
        #expect(stats.callbacksRequested > 10)
        #expect(stats.callbacksConnected > 0)
        #expect(stats.callbacksConnected <= stats.callbacksRequested)
    }

    @Test func reconcilerFindsNothingToRepairInAHealthyDay() throws {
        var scenario = Self.scenario()
        scenario.reconcileEvery = .seconds(5)
        let result = try CallCenterSimulation.run(scenario)
        #expect(result.repairs == 0)
        #expect(result.queues[0].statistics.lost == 0)
    }

    @Test func aFrontDoorCanStandWhereTheIVRWillBe() throws {
        /// Half the callers are served by the menu; the rest spend 20 s in it.
        struct HalfServedByMenu: SimFrontDoor {
            func admit(_ stream: SimCallerStream, now: SampleTime, random: inout SeededRandom) -> SimAdmission {
                random.nextUnit() < 0.5 ? .leave : .queue(stream.queue, after: .seconds(20))
            }
        }
        var scenario = Self.scenario(callsPerHour: 400, hours: 4)
        scenario.frontDoor = HalfServedByMenu()
        let offered = try CallCenterSimulation.run(scenario).queues[0].statistics.offered
        #expect(offered > 700 && offered < 900)
    }

    @Test func twoQueuesShareAgentsAndEachIsAccountedApart() throws {
        // 7.5 + 6.7 Erlangs on 18 agents, half of whom take both queues.
        var scenario = Self.scenario(agents: 18, callsPerHour: 150, hours: 4)
        scenario.configuration.queues.append(QueueConfiguration(id: "support", strategy: "round-robin"))
        for i in 9..<18 { scenario.configuration.agents[i].queues = ["sales", "support"] }
        scenario.streams.append(SimCallerStream(queue: "support", callsPerHour: 100, talkTime: .exponential(mean: 240)))
        let result = try CallCenterSimulation.run(scenario)
        #expect(result.queues.map(\.queue) == ["sales", "support"])
        #expect(result.queues[0].statistics.offered > 450)
        #expect(result.queues[1].statistics.offered > 300)
        #expect(result.queues.allSatisfy { ($0.statistics.serviceLevel ?? 0) > 0.5 })
    }
}
