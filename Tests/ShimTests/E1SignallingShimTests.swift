import COpenR2
import CPri
import Testing

/// The E1 signalling libraries link and answer as Kefu uses them.
@Suite struct E1SignallingShimTests {
    @Test("libpri links: its switch types and causes read as the Q.931 names Kefu logs")
    func libpriNamesSwitchTypesAndCauses() {
        #expect(String(cString: pri_switch2str(PRI_SWITCH_EUROISDN_E1)) == "EuroISDN")
        #expect(String(cString: pri_cause2str(PRI_CAUSE_USER_BUSY)) == "User busy")
        #expect(CPri_timeslot(0x10105) == 5, "bits 0-7 are the B channel; span and explicit flag are dropped")
        #expect(CPri_timeslot(-1) == -1)
    }

    @Test("libopenr2 links and knows the China variant")
    func openr2KnowsChina() {
        let cn = openr2_proto_get_variant("CN")
        #expect(cn == OR2_VAR_CHINA)
        #expect(String(cString: openr2_proto_get_variant_string(cn)) == "CN")
    }
}
