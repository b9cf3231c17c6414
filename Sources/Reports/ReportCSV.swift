import Records

/// The reports as CSV files for Excel, in the dialect of the CDR export
/// (`CSVWriter`: UTF-8 with byte order mark, CRLF, RFC 4180 quoting,
/// formula guard), with English or Chinese headers.
///
/// Counts are integers; seconds and percentages have one decimal; a figure
/// without a value (an average of no calls) is an empty cell. Percent
/// columns hold the number only (40.0, not 40.0 %), so Excel can sum them.
public struct ReportCSV: Sendable, Equatable {
    public var language: CDRColumn.Language
    public var writer: CSVWriter

    public init(language: CDRColumn.Language = .english, writer: CSVWriter = CSVWriter()) {
        self.language = language
        self.writer = writer
    }

    /// One row per queue, then the total row.
    public func queues(_ report: CenterReport) -> [UInt8] {
        file(ReportColumns.queue) { out in
            for row in report.queues + [report.total] {
                let c = row.calls
                writer.appendRow([
                    row.queue ?? label(ReportColumns.totalLabel), String(c.offered), String(c.answered),
                    String(c.abandoned), String(c.shortAbandons), String(c.refused),
                    String(c.callbacksBooked), String(c.callbacksConnected), String(c.messagesLeft),
                    ReportNumber.fixed(c.serviceLevelPercent), ReportNumber.count(row.serviceLevelSeconds),
                    ReportNumber.fixed(c.averageSpeedOfAnswerSeconds), ReportNumber.fixed(c.averageAbandonWaitSeconds),
                    ReportNumber.seconds(c.longestWaitMilliseconds), ReportNumber.fixed(c.averageHandleSeconds),
                    ReportNumber.fixed(c.surveys.csatPercent), ReportNumber.fixed(c.surveys.dsatPercent),
                    ReportNumber.fixed(c.surveys.averageScore, decimals: 2), String(c.surveys.count),
                    ReportNumber.fixed(c.firstCallResolutionPercent),
                ], to: &out)
            }
        }
    }

    /// One row per agent (talk, wrap-up and time columns from the agent's
    /// states in the window; AHT and CSAT from the calls they answered).
    public func agents(_ report: CenterReport) -> [UInt8] {
        file(ReportColumns.agent) { out in
            for row in report.agents {
                let t = row.time
                writer.appendRow([
                    row.agent, String(row.answered), ReportNumber.seconds(t.onCallMilliseconds),
                    ReportNumber.seconds(t.wrapUpMilliseconds), ReportNumber.fixed(row.averageHandleSeconds),
                    ReportNumber.seconds(t.loggedInMilliseconds), ReportNumber.seconds(t.pausedMilliseconds),
                    ReportNumber.seconds(t.availableMilliseconds), ReportNumber.fixed(row.occupancyPercent),
                    ReportNumber.count(row.offers), ReportNumber.count(row.missedOffers),
                    ReportNumber.fixed(row.surveys.csatPercent), String(row.surveys.count),
                ], to: &out)
            }
        }
    }

    /// One row per agent and pause reason, by agent then reason.
    public func pauseReasons(_ report: CenterReport) -> [UInt8] {
        file(ReportColumns.pause) { out in
            for row in report.agents {
                for (reason, milliseconds) in row.time.pausedByReason.sorted(by: { $0.key < $1.key }) {
                    writer.appendRow([row.agent, reason, ReportNumber.seconds(milliseconds)], to: &out)
                }
            }
        }
    }

    /// One row per hour of the day the window covers, 00:00 to 23:00.
    public func hours(_ report: CenterReport) -> [UInt8] {
        intervals(report.intervals.hours.filter { $0.coveredMilliseconds > 0 }, first: ReportColumns.hour)
    }

    /// One row per local day.
    public func days(_ report: CenterReport) -> [UInt8] {
        intervals(report.intervals.days, first: ReportColumns.day)
    }

    /// One row per staffing interval; starts as local "YYYY-MM-DD HH:MM:SS".
    public func staffing(_ rows: [StaffingAdviceRow], utcOffsetSeconds: Int) -> [UInt8] {
        file(ReportColumns.staffing) { out in
            for row in rows {
                writer.appendRow([
                    LocalTimestamp(unixMilliseconds: row.start, utcOffsetSeconds: utcOffsetSeconds).description,
                    String(row.calls), ReportNumber.fixed(row.averageHandleSeconds), ReportNumber.fixed(row.agentsHad),
                    ReportNumber.count(row.agentsNeeded), ReportNumber.fixed(row.predictedServiceLevelPercent),
                ], to: &out)
            }
        }
    }

    /// A file's bytes as text; it starts with U+FEFF, the byte order mark.
    public static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private func intervals(_ rows: [IntervalRow], first: (String, String)) -> [UInt8] {
        file([first] + ReportColumns.interval) { out in
            for row in rows {
                let c = row.calls
                writer.appendRow([
                    row.label, String(c.offered), String(c.answered), String(c.abandoned),
                    ReportNumber.fixed(c.serviceLevelPercent), ReportNumber.fixed(c.averageHandleSeconds),
                    ReportNumber.fixed(row.arrivalsPerHour),
                ], to: &out)
            }
        }
    }

    private func file(_ columns: [(String, String)], rows: (inout [UInt8]) -> Void) -> [UInt8] {
        var out = CSVWriter.byteOrderMark
        writer.appendRow(ReportColumns.titles(columns, language), to: &out)
        rows(&out)
        return out
    }

    private func label(_ pair: (String, String)) -> String { language == .english ? pair.0 : pair.1 }
}
