/// [schedules.*], [recording], [retention], [security], [outbound].
extension ConfigDecoder {
    func schedule(_ name: Located<String>, _ r: TableReader) -> Schedule {
        checkName(name, .schedule)
        var s = Schedule(name: name.value, line: name.line)
        s.alwaysOpen = r.bool("always")?.value ?? false
        if let v = r.bool("calendar") { s.observesCalendar = v.value }
        var setBy: [Int: (key: String, line: Int)] = [:]
        func day(_ key: String) -> [TimeRange]? {
            guard let text = r.string(key) else { return nil }
            switch TimeRange.parseDay(text.value) {
            case .success(let ranges): return ranges
            case .failure(let e): sink.error(text.line, "'\(key)' in \(r.path): \(e.message)", "\(r.path) 中的 '\(key)'：\(e.chinese)"); return nil
            }
        }
        let groups: [(key: String, days: [Weekday])] = [
            ("daily", Weekday.allCases), ("weekdays", [.monday, .tuesday, .wednesday, .thursday, .friday]),
            ("weekend", [.saturday, .sunday]),
        ] + Weekday.allCases.map { ($0.key, [$0]) }
        for (key, days) in groups {
            guard let ranges = day(key) else { continue }
            let line = r.table.entry(key)!.node.line
            for d in days {
                if let earlier = setBy[d.rawValue] {
                    sink.error(line, "\(r.path): hours for \(d.key) are set twice ('\(earlier.key)' on line \(earlier.line) and '\(key)')",
                               "\(r.path)：\(d.key) 的营业时间设置了两次（第 \(earlier.line) 行的 '\(earlier.key)' 和 '\(key)'）")
                    continue
                }
                setBy[d.rawValue] = (key, line)
                s.week[d.rawValue - 1] = ranges
            }
        }
        if let v = day("holiday") { s.holidayHours = v }
        if let v = day("makeup") { s.makeupHours = v }
        let hoursKeys = groups.map(\.key) + ["holiday", "makeup"]
        if s.alwaysOpen, let extra = hoursKeys.first(where: { r.has($0) }) {
            sink.error(r.table.entry(extra)!.line, "\(r.path) is open always (24×7): '\(extra)' has no effect; remove it or set always = false",
                       "\(r.path) 全天开放（24×7）：'\(extra)' 不起作用；请删除它或设置 always = false")
        }
        if !s.alwaysOpen, s.week.allSatisfy(\.isEmpty), s.makeupHours?.isEmpty ?? true, s.holidayHours.isEmpty {
            sink.warning(r.line, "\(r.path) is never open (no hours given; for 24×7 write always = true)",
                         "\(r.path) 从不开放（没有设置营业时间；全天开放请写 always = true）")
        }
        r.finish()
        return s
    }

    func recording(_ r: TableReader) -> RecordingSection {
        var s = RecordingSection()
        if let v = r.bool("enabled") { s.enabled = v.value }
        if let v = r.string("directory") {
            if v.value.hasPrefix("/") { s.directory = v.value } else { absolutePathNeeded(v.line, "directory", "[recording]") }
        }
        s.announcePrompt = prompts(r, "announce_prompt")
        if let v = r.int("min_free_mb", in: 50...1_000_000) { s.minFreeMB = v.value }
        if let v = r.bool("encrypt") { s.encrypt = v.value }
        if let v = r.string("file_group") { checkName(v, Bilingual("group", "用户组")); s.fileGroup = v.value }
        if let v = r.string("on_demand_key") {
            if (1...4).contains(v.value.count), v.value.allSatisfy({ "0123456789*#".contains($0) }) { s.onDemandKey = v.value } else {
                sink.error(v.line, "'on_demand_key' in [recording] must be 1 to 4 keys of 0-9, * and #, not '\(v.value)'",
                           "[recording] 中的 'on_demand_key' 必须是 1 到 4 个按键（0-9、* 和 #），不能是 '\(v.value)'")
            }
        }
        if let v = r.string("key_file") {
            if v.value.hasPrefix("/") { s.keyFile = v.value } else { absolutePathNeeded(v.line, "key_file", "[recording]") }
        }
        r.finish()
        return s
    }

    func retention(_ r: TableReader) -> RetentionSection {
        var s = RetentionSection()
        if let v = r.int("recordings_days", in: 1...3650) { s.recordingsDays = v.value }
        if let v = r.int("calls_days", in: 1...3650) { s.callsDays = v.value }
        if let v = r.int("flagged_recordings_days", in: 1...3650) { s.flaggedRecordingsDays = v.value }
        if let v = choice(r, "when_full", WhenFull.self) { s.whenFull = v }
        if let v = r.int("voicemail_days", in: 1...3650) { s.voicemailDays = v.value }
        if let v = r.int("audit_days", in: 30...3650) { s.auditDays = v.value }
        if s.recordingsDays > s.callsDays, let line = r.table.entry("recordings_days")?.line {
            sink.warning(line, "recordings are kept longer (\(s.recordingsDays) days) than the call records they belong to (\(s.callsDays) days)",
                         "录音的保留时间（\(s.recordingsDays) 天）比它们所属的通话记录（\(s.callsDays) 天）还长")
        }
        r.finish()
        return s
    }

    func security(_ r: TableReader) -> SecuritySection {
        var s = SecuritySection()
        if let v = r.string("admin_group") { s.adminGroup = v.value }
        if let v = r.string("supervisor_group") { s.supervisorGroup = v.value }
        if let v = r.string("viewer_group") { s.viewerGroup = v.value }
        if let v = r.string("console_socket") {
            if v.value.hasPrefix("/") { s.consoleSocket = v.value } else { absolutePathNeeded(v.line, "console_socket", "[security]") }
        }
        if let v = r.string("recordings_access") {
            if ["admin", "supervisor"].contains(v.value) { s.recordingsAccess = v.value } else {
                sink.error(v.line, "'recordings_access' in [security] must be \"admin\" or \"supervisor\", not '\(v.value)'",
                           "[security] 中的 'recordings_access' 必须是 \"admin\" 或 \"supervisor\"，不能是 '\(v.value)'")
            }
        }
        if let v = r.int("idle_logout_minutes", in: 1...1440) { s.idleLogoutMinutes = v.value }
        if s.adminGroup == s.supervisorGroup, let line = r.table.entry("supervisor_group")?.line ?? r.table.entry("admin_group")?.line {
            sink.warning(line, "admin_group and supervisor_group are the same group: supervisors get full admin rights",
                         "admin_group 与 supervisor_group 是同一个用户组：班长将拥有全部管理员权限")
        }
        r.finish()
        return s
    }

    func outbound(_ r: TableReader) -> OutboundSection {
        var s = OutboundSection()
        if let list = r.strings("allowed_numbers") {
            var patterns: [NumberPattern] = []
            for text in list {
                do throws(NumberPattern.ParseError) {
                    patterns.append(try NumberPattern(text.value))
                } catch {
                    sink.error(text.line, "'allowed_numbers' in [outbound]: pattern '\(text.value)': \(error.message)",
                               "[outbound] 中的 'allowed_numbers'：号码规则 '\(text.value)'：\(error.chinese)")
                }
            }
            s.allowedNumbers = patterns
            s.allowedNumbersLine = r.table.entry("allowed_numbers")?.line ?? r.line
        }
        if let v = r.string("dial_prefix") {
            if v.value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "*" || $0 == "#" || $0 == "w") }) { s.dialPrefix = v.value } else {
                sink.error(v.line, "'dial_prefix' in [outbound] may hold only digits, *, # and w (a pause), not '\(v.value)'",
                           "[outbound] 中的 'dial_prefix' 只能包含数字、*、# 和 w（停顿），不能是 '\(v.value)'")
            }
        }
        if let v = r.int("max_per_hour", in: 0...10_000) { s.maxPerHour = v.value }
        if let v = r.int("max_per_day", in: 0...100_000) { s.maxPerDay = v.value }
        if let v = r.int("callback_line_percent", in: 0...100) { s.callbackLineShare = Double(v.value) / 100 }
        if let v = r.seconds("ring_timeout", in: 10...180) { s.ringTimeout = v.value }
        if let v = r.seconds("assume_answer_after", in: 5...60) { s.assumeAnswerAfter = v.value }
        if s.maxPerHour > s.maxPerDay, let line = r.table.entry("max_per_hour")?.line {
            sink.warning(line, "max_per_hour (\(s.maxPerHour)) is more than max_per_day (\(s.maxPerDay)): the daily cap is reached first",
                         "max_per_hour（\(s.maxPerHour)）大于 max_per_day（\(s.maxPerDay)）：每日上限会先达到")
        }
        r.finish()
        return s
    }
}
