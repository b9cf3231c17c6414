import Testing
import Config

/// The storage keys: recording policy per queue, on-demand key, sealing,
/// retention per queue and when the disk is full, the data directory.
@Suite struct StorageConfigTests {
    static func queue(_ extra: String) -> String {
        minimalConfig.replacingOccurrences(of: "agents = [\"8001\"]", with: "agents = [\"8001\"]\n" + extra)
    }

    @Test("record takes true, false, \"always\", \"never\" or \"on-demand\"")
    func recordPolicyWords() {
        for (text, policy) in [("true", RecordPolicy.always), ("false", .never), ("\"always\"", .always), ("\"never\"", .never),
                               ("\"on-demand\"", .onDemand)] {
            #expect(load(Self.queue("record = \(text)")).config.queue("sales")?.record == policy, "record = \(text)")
        }
        #expect(load(minimalConfig).config.queue("sales")?.record == .always)
    }

    @Test("a wrong record word is named with a suggestion; a number names the types allowed")
    func recordPolicyErrors() {
        #expect(errors(Self.queue("record = \"ondemand\"")) == ["18: 'record' in [queues.sales] is 'ondemand' (did you mean 'on-demand'?); use true, false or one of: always, never, on-demand"])
        #expect(errors(Self.queue("record = 1")) == ["18: 'record' in [queues.sales] must be true, false or one of \"always\", \"never\", \"on-demand\", not an integer"])
    }

    @Test("storage settings are read with their defaults, and bad values are refused with the line")
    func storageSettings() {
        let defaults = load(minimalConfig).config
        #expect(defaults.system.dataDirectory == "/var/lib/kefu")
        #expect(defaults.recording.encrypt == false && defaults.recording.keyFile == "/etc/kefu/recording.key" && defaults.recording.onDemandKey == "*1")
        #expect(defaults.retention.whenFull == .stopRecording && defaults.retention.flaggedRecordingsDays == 730)
        let text = minimalConfig.replacingOccurrences(of: "languages = [\"zh\", \"en\"]", with: "languages = [\"zh\", \"en\"]\ndata_directory = \"/data/kefu\"")
            + "\n[recording]\nencrypt = true\nkey_file = \"/etc/kefu/k.key\"\non_demand_key = \"*9\"\n[retention]\nwhen_full = \"delete-oldest\"\nflagged_recordings_days = 1000\n"
        let c = load(text).config
        #expect(load(text).diagnostics.errors.isEmpty)
        #expect(c.system.dataDirectory == "/data/kefu" && c.recording.encrypt && c.recording.keyFile == "/etc/kefu/k.key" && c.recording.onDemandKey == "*9")
        #expect(c.retention.whenFull == .deleteOldest && c.retention.flaggedRecordingsDays == 1000)
        #expect(load(Self.queue("recordings_days = 30")).config.queue("sales")?.recordingsDays == 30)

        let bad = minimalConfig + "\n[recording]\nkey_file = \"k.key\"\non_demand_key = \"*x\"\n[retention]\nwhen_full = \"wrap\"\n"
        #expect(errors(bad) == [
            "24: 'key_file' in [recording] must be an absolute path",
            "25: 'on_demand_key' in [recording] must be 1 to 4 keys of 0-9, * and #, not '*x'",
            "27: 'when_full' in [retention] is 'wrap'; use one of: stop-recording, delete-oldest",
        ])
    }
}
