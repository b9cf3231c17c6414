import ArgumentParser
import Reports
import Tools

struct StaffingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staffing",
        abstract: "Agents needed for a service-level target (Erlang C, or Erlang A with --patience).",
        discussion: """
        Example: kefu staffing --rate 300 --aht 180 --service-level 0.8 --threshold 20
                 kefu staffing --rate 300 --aht 180 --patience 120 --max-abandon 0.05 --shrinkage 0.3
                 kefu staffing --customers 200000 --daily-call-rate 0.01 --peak-share 0.15 --aht 180
                   (the planning formula customers × rate × peak share × AHT ÷ (3600 × occupancy),
                    shown beside Erlang C for the same peak-hour calls)
        Measured traffic: kefu report lists, per half hour, the agents the box had and needed.
        """)

    @Option(help: "Calls per hour.") var rate: Double = 300
    @Option(help: "Average handle time (talk + wrap-up), seconds.") var aht: Double = 180
    @Option(help: "Target fraction answered within the threshold.") var serviceLevel: Double = 0.8
    @Option(help: "Service-level threshold, seconds.") var threshold: Double = 20
    @Option(help: "Mean caller patience, seconds (Erlang A).") var patience: Double?
    @Option(help: "Highest acceptable abandon rate (with --patience).") var maxAbandon: Double?
    @Option(help: "Share of paid time off the phones.") var shrinkage: Double = 0
    @Option(help: "Customers served (planning formula).") var customers: Double?
    @Option(name: .customLong("daily-call-rate"), help: "Calls per customer per day (planning formula).") var dailyCallRate: Double = 0.01
    @Option(name: .customLong("peak-share"), help: "The peak hour's share of the day's calls (planning formula).") var peakShare: Double = 0.15
    @Option(name: .customLong("max-occupancy"), help: "Highest sustainable occupancy (planning formula).") var maxOccupancy: Double = 0.85
    @Flag(help: "Print one JSON object instead of text.") var json = false
    @OptionGroup var language: LanguageOption

    func run() throws {
        var options = StaffingOptions()
        options.callsPerHour = rate
        options.handleTime = aht
        options.serviceLevel = serviceLevel
        options.threshold = threshold
        options.patience = patience
        options.maxAbandonRate = maxAbandon
        options.shrinkage = shrinkage
        if let customers {
            options.formula = PlanningFormula(customers: customers, dailyCallRate: dailyCallRate, peakHourShare: peakShare,
                                              handleTime: aht, maxOccupancy: maxOccupancy)
        }
        let report: StaffingReport
        do { report = try StaffingTool.run(options) } catch { throw ValidationError(error.message) }
        if json { print(report.json) } else { report.text(chinese: language.chinese).forEach { print($0) } }
    }
}
