import Testing
import Channels
import KefuTesting

/// The simulated board keeps every promise of the channel contract.
@Suite struct SimBoardContractTests {
    @Test(arguments: ChannelContract.checks.map(\.name))
    func simBoardKeepsTheChannelContract(_ name: String) throws {
        let check = try #require(ChannelContract.checks.first { $0.name == name }).check
        #expect(check(SimContractHarness()) == [])
    }
}
