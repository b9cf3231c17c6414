import Testing
import Config

/// What agents do from their phones during calls: queue transfer codes,
/// supervisors, monitoring and conference codes, the hold reminder.
@Suite struct PhoneFeatureConfigTests {
    @Test func transferCodesSupervisorsAndMonitoringCodesAreRead() {
        let text = minimalConfig.replacingOccurrences(of: "[queues.sales]\n", with: "[queues.sales]\ntransfer_code = \"601\"\n")
            .replacingOccurrences(of: "phone = 5\n", with: "phone = 5\nsupervisor = true\n")
            + "\n[acd]\nlisten_code = \"*61\"\nconference_code = \"*\"\nhold_reminder = 90\n"
        let loaded = load(text)
        #expect(loaded.diagnostics.errors.isEmpty, "\(loaded.diagnostics.errors)")
        #expect(loaded.config.queues.first?.transferCode?.value == "601")
        #expect(loaded.config.agents.first?.supervisor == true)
        #expect(loaded.config.acd.listenCode.value == "*61")
        #expect(loaded.config.acd.whisperCode.value == "*52", "the default")
        #expect(loaded.config.acd.conferenceCode.value == "*")
        #expect(loaded.config.acd.holdReminder == 90_000)
    }

    @Test func aTransferCodeThatIsAnAgentsNumberOrNotDigitsIsAnError() {
        let agentNumber = minimalConfig.replacingOccurrences(of: "[queues.sales]\n", with: "[queues.sales]\ntransfer_code = \"8001\"\n")
        #expect(errors(agentNumber) == ["17: [queues.sales] transfer_code '8001' is agent 8001's number: an agent dialling it after a flash would reach either"])
        let letters = minimalConfig.replacingOccurrences(of: "[queues.sales]\n", with: "[queues.sales]\ntransfer_code = \"6A\"\n")
        #expect(errors(letters) == ["17: 'transfer_code' in [queues.sales] must be 1 to 6 digits, not '6A'"])
    }

    @Test func aMonitoringCodeThatBeginsWithAnotherCodeIsAnError() {
        let text = minimalConfig + "\n[acd]\nlisten_code = \"*12\"\n"
        #expect(errors(text).contains { $0.contains("listen_code '*12' begins with login_code '*1'") })
    }
}
