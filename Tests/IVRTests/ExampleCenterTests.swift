import Foundation
import Testing
import Config
@testable import IVR
import Telephony

/// Calls through the shipped example config (config/kefu.toml) with its
/// 2026 calendar: the demo center behaves as its comments say.
@Suite struct ExampleCenterTests {
    let plan: IVRPlan

    init() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let text = try String(contentsOfFile: root.path + "/config/kefu.toml", encoding: .utf8)
        let loaded = ConfigLoader.load(text, file: "kefu.toml")
        #expect(loaded.isValid)
        let calendarText = try String(contentsOfFile: root.path + "/config/holidays/cn-2026.txt", encoding: .utf8)
        let (calendar, diagnostics) = ConfigLoader.calendar(for: loaded.config, files: [
            "holidays/cn-2026.txt": .init(path: "cn-2026.txt", text: calendarText),
        ])
        #expect(diagnostics.isEmpty)
        plan = IVRPlan(config: loaded.config, calendar: calendar)
    }

    func call(at wall: UnixTime) -> (IVREngine, [IVRAction]) {
        var engine = IVREngine(plan: plan, entry: "main")
        let actions = engine.on(.start(wall), now: .zero)
        return (engine, actions)
    }

    func lastPlay(_ actions: [IVRAction]) -> Int? {
        actions.compactMap { if case .play(let id, _, _) = $0 { return id }; return nil }.last
    }

    @Test func orderNumberIsCollectedAndTheCallerQueuesForSupport() {
        var (engine, actions) = call(at: Fixture.at("2026-03-02", 10))
        #expect(played(actions) == [["zh/welcome.wav", "zh/main-menu.wav"]])
        actions = engine.on(.digit(.three), now: .zero)
        #expect(played(actions) == [["zh/enter-order-number.wav"]])
        var out: [IVRAction] = []
        for key in "2026030101#" { out += engine.on(.digit(DTMFKey(key)!), now: .zero) }
        #expect(out.filter { !isStop($0) } == [.setCallData(key: "order_number", value: "2026030101"), .route(.queue("support"))])
    }

    @Test func nationalDayCallerHearsClosedMessageThenCanAskForACallback() {
        var (engine, actions) = call(at: Fixture.at("2026-10-01", 10))
        #expect(played(actions) == [["zh/closed-hours.wav"]])
        actions = engine.on(.promptFinished(id: lastPlay(actions)!), now: .zero)
        #expect(played(actions) == [["zh/after-hours-menu.wav"]])
        #expect(engine.on(.digit(.two), now: .zero).filter { !isStop($0) } == [.route(.callback(queue: "sales"))])
    }

    @Test func makeUpSaturdayCallerReachesSales() {
        var (engine, actions) = call(at: Fixture.at("2026-02-28", 10))
        #expect(played(actions) == [["zh/welcome.wav", "zh/main-menu.wav"]])
        #expect(engine.on(.digit(.one), now: .zero).filter { !isStop($0) } == [.route(.queue("sales"))])
    }

    @Test func englishKeyReplaysTheMenuInEnglish() {
        var (engine, _) = call(at: Fixture.at("2026-03-02", 10))
        let actions = engine.on(.digit(.eight), now: .zero)
        #expect(played(actions) == [["en/welcome.wav", "en/main-menu.wav"]])
    }
}
