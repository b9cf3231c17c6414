/// [acd]: settings for every agent — auto-pause, pause reasons and the
/// feature codes dialled on an idle phone.
extension ConfigDecoder {
    func acd(_ r: TableReader) -> ACDSection {
        var s = ACDSection()
        s.line = r.line
        if let v = r.int("auto_pause_after", in: 0...20) { s.autoPauseAfter = v.value }
        if let list = r.strings("pause_reasons") { s.pauseReasons = pauseReasons(list, r.path) }
        if let v = r.seconds("hold_reminder", in: 10...600) { s.holdReminder = v.value }
        if let code = r.string("conference_code") {
            if (1...2).contains(code.value.count), code.value.allSatisfy({ "0123456789*".contains($0) }) {
                s.conferenceCode = code
            } else {
                sink.error(code.line, "'conference_code' in \(r.path) must be 1 or 2 keys of 0-9 and *, not '\(code.value)'",
                           "\(r.path) 中的 'conference_code' 必须是 1 或 2 个按键（0-9 和 *），不能是 '\(code.value)'")
            }
        }
        let codes: [(key: String, keyPath: WritableKeyPath<ACDSection, Located<String>>)] = [
            ("login_code", \.loginCode), ("logout_code", \.logoutCode), ("pause_code", \.pauseCode),
            ("listen_code", \.listenCode), ("whisper_code", \.whisperCode), ("barge_code", \.bargeCode),
            ("message_code", \.messageCode),
        ]
        for (key, keyPath) in codes {
            guard let code = r.string(key) else { continue }
            if (1...4).contains(code.value.count), code.value.allSatisfy({ "0123456789*".contains($0) }) {
                s[keyPath: keyPath] = code
            } else {
                sink.error(code.line, "'\(key)' in \(r.path) must be 1 to 4 keys of 0-9 and *, not '\(code.value)' ('#' ends what the agent dials)",
                           "\(r.path) 中的 '\(key)' 必须是 1 到 4 个按键（0-9 和 *），不能是 '\(code.value)'（'#' 用来结束坐席的拨号）")
            }
        }
        // Digits follow a code (an agent number, a reason), so no code may
        // begin with another: "*12" could be either "*12" or "*1" then "2".
        func place(_ code: Located<String>) -> Bilingual {
            code.line > 0 ? Bilingual("line \(code.line)", "第 \(code.line) 行") : Bilingual("its default", "默认值")
        }
        for (n, later) in codes.enumerated() {
            for earlier in codes.prefix(n) {
                let a = s[keyPath: earlier.keyPath], b = s[keyPath: later.keyPath]
                let line = max(a.line, b.line)  // at least one was written: the defaults do not collide
                if a.value == b.value {
                    sink.error(line, "\(r.path): \(later.key) '\(b.value)' is the same as \(earlier.key) (\(place(a).english))",
                               "\(r.path)：\(later.key) '\(b.value)' 与 \(earlier.key) 相同（\(place(a).chinese)）")
                    continue
                }
                let ((shortKey, short), (longKey, long)) = a.value.count < b.value.count ? ((earlier.key, a), (later.key, b)) : ((later.key, b), (earlier.key, a))
                guard long.value.hasPrefix(short.value) else { continue }
                let byDefault = long.line == 0, after = long.value.dropFirst(short.value.count)
                sink.error(line, "\(r.path): \(longKey) '\(long.value)'\(byDefault ? " (its default)" : "") begins with \(shortKey) '\(short.value)' (\(place(short).english)): "
                           + "'\(long.value)' could also be \(shortKey) followed by '\(after)'"
                           + (byDefault ? "; set \(longKey) in \(r.path) to a code that does not begin with '\(short.value)'" : ""),
                           "\(r.path)：\(longKey) '\(long.value)'\(byDefault ? "（默认值）" : "") 以 \(shortKey) '\(short.value)'（\(place(short).chinese)）开头："
                           + "'\(long.value)' 也可能是 \(shortKey) 后面再按 '\(after)'"
                           + (byDefault ? "；请在 \(r.path) 中把 \(longKey) 设为不以 '\(short.value)' 开头的功能码" : ""))
            }
        }
        r.finish()
        return s
    }

    /// `["1:break", "2:lunch"]`: the digits dialled after the pause code, and the reason.
    private func pauseReasons(_ list: [Located<String>], _ path: String) -> [Located<PauseReason>] {
        var out: [Located<PauseReason>] = []
        for item in list {
            let parts = item.value.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard parts.count == 2, (1...2).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                sink.error(item.line, "pause reason '\(item.value)' in \(path): write CODE:REASON with a code of 1 or 2 digits, e.g. \"2:lunch\"",
                           "\(path) 中的示忙原因 '\(item.value)'：请写成 代码:原因，代码为 1 或 2 位数字，如 \"2:lunch\"")
                continue
            }
            let reason = Located(parts[1], line: item.line)
            checkName(reason, Bilingual("pause reason", "示忙原因"))
            if ACDSection.reservedReasons.contains(reason.value) {
                let reserved = ACDSection.reservedReasons.joined(separator: ", ")
                sink.error(item.line, "pause reason '\(reason.value)' in \(path) is the ACD's own (\(reserved)): choose another name",
                           "\(path) 中的示忙原因 '\(reason.value)' 是 ACD 自己使用的（\(reserved)）：请换一个名称")
                continue
            }
            if let other = out.first(where: { $0.value.code == parts[0] }) {
                sink.error(item.line, "pause reason code \(parts[0]) in \(path) is already '\(other.value.reason)' (line \(other.line))",
                           "\(path) 中的示忙原因代码 \(parts[0]) 已经用于 '\(other.value.reason)'（第 \(other.line) 行）")
                continue
            }
            out.append(Located(PauseReason(code: parts[0], reason: reason.value), line: item.line))
        }
        return out
    }
}
