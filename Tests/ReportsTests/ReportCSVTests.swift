import Records
import Reports
import Testing

@Suite struct ReportCSVTests {
    let report = Fixture.report()

    @Test("queue CSV: BOM, English header, a row per queue and the total, CRLF")
    func queuesEnglish() {
        let text = ReportCSV.text(ReportCSV().queues(report))
        #expect(text.hasPrefix("\u{FEFF}Queue,Offered,Answered,Abandoned,Short abandons,Refused,Callbacks booked,Callbacks reached,Messages,Service level %,"
            + "SL threshold (s),ASA (s),Avg abandon wait (s),Longest wait (s),AHT (s),CSAT %,DSAT %,Avg score,Surveys,FCR %\r\n"))
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 5)                 // header, sales, support, total, "" after the last CRLF
        #expect(lines[1] == "sales,6,3,2,1,1,0,0,0,40.0,20,20.0,32.5,120.0,300.0,100.0,0.0,4.50,2,33.3")
        #expect(lines[2] == "support,5,4,1,1,0,0,0,0,75.0,10,7.8,4.0,12.0,335.0,25.0,50.0,2.75,4,100.0")
        #expect(lines[3] == "Total,11,7,3,2,1,0,0,0,55.6,,13.0,23.0,120.0,320.0,50.0,33.3,3.33,6,66.7")
        #expect(lines[4] == "")
    }

    @Test("queue CSV in Chinese")
    func queuesChinese() {
        let text = ReportCSV.text(ReportCSV(language: .chinese).queues(report))
        #expect(text.hasPrefix("\u{FEFF}队列,呼入,接通,放弃,短放弃,拒绝溢出,预约回电,回电接通,留言,服务水平,服务水平时限(秒),平均应答速度(秒),"
            + "平均放弃等待(秒),最长等待(秒),平均处理时长(秒),满意度,不满意度,平均评分,评价数,首次解决率\r\n"))
        #expect(text.contains("\r\n合计,11,7,3,2,1,0,0,0,55.6,"))
    }

    @Test("agent CSV: time from states, AHT and CSAT from calls, offers from events")
    func agents() {
        let english = ReportCSV.text(ReportCSV().agents(report))
        #expect(english.hasPrefix("\u{FEFF}Agent,Answered,Talk (s),Wrap-up (s),AHT (s),Logged in (s),Paused (s),"
            + "Available (s),Occupancy %,Offers,Missed offers,CSAT %,Surveys\r\n"))
        #expect(english.contains("\r\n8001,3,720.0,140.0,286.7,25200.0,3300.0,21035.0,3.9,2,0,66.7,3\r\n"))
        #expect(english.contains("\r\n8003,2,450.0,30.0,240.0,25800.0,1800.0,23517.0,2.0,1,1,0.0,1\r\n"))
        let chinese = ReportCSV.text(ReportCSV(language: .chinese).agents(report))
        #expect(chinese.hasPrefix("\u{FEFF}坐席,接通数,通话(秒),话后处理(秒),平均处理时长(秒),登录(秒),示忙(秒),"
            + "空闲(秒),占用率,分配(次),未接(次),满意度,评价数\r\n"))
        // Without queue events the offer columns are empty.
        let bare = ReportCSV.text(ReportCSV().agents(Fixture.report(events: nil)))
        #expect(bare.contains("\r\n8002,2,840.0,60.0,450.0,28500.0,1200.0,26400.0,3.3,,,50.0,2\r\n"))
    }

    @Test("pause reasons: one row per agent and reason")
    func pauses() {
        let text = ReportCSV.text(ReportCSV(language: .chinese).pauseReasons(report))
        #expect(text == "\u{FEFF}坐席,示忙原因,示忙(秒)\r\n8001,break,1500.0\r\n8001,lunch,1800.0\r\n"
            + "8002,,1200.0\r\n8003,lunch,1800.0\r\n")
    }

    @Test("hour and day CSVs")
    func intervals() {
        let hours = ReportCSV.text(ReportCSV().hours(report))
        #expect(hours.hasPrefix("\u{FEFF}Hour,Offered,Answered,Abandoned,Service level %,AHT (s),Calls per hour\r\n00:00,1,1,0,100.0,270.0,1.0\r\n"))
        #expect(hours.contains("\r\n02:00,0,0,0,,,0.0\r\n"))
        #expect(hours.hasSuffix("\r\n20:00,5,2,2,25.0,315.0,5.0\r\n21:00,1,1,0,100.0,210.0,1.0\r\n"
            + "22:00,1,1,0,0.0,170.0,1.0\r\n23:00,1,1,0,100.0,630.0,1.0\r\n"))
        let days = ReportCSV.text(ReportCSV(language: .chinese).days(report))
        #expect(days == "\u{FEFF}日期,呼入,接通,放弃,服务水平,平均处理时长(秒),每小时呼入\r\n"
            + "2024-05-01,8,5,2,42.9,328.0,2.0\r\n2024-05-02,3,2,1,100.0,300.0,0.8\r\n")
    }

    @Test("staffing CSV: local start, calls, AHT, had, needed, predicted")
    func staffing() {
        let rows = report.staffingAdvice()
        let text = ReportCSV.text(ReportCSV().staffing(rows, utcOffsetSeconds: Fixture.offset))
        #expect(text.hasPrefix("\u{FEFF}Interval start,Calls,AHT (s),Agents had,Agents needed,Predicted SL %\r\n"
            + "2024-05-01 20:00:00,3,315.0,1.8,2,90.1\r\n2024-05-01 20:30:00,2,,2.3,,\r\n"))
        let chinese = ReportCSV.text(ReportCSV(language: .chinese).staffing(rows, utcOffsetSeconds: Fixture.offset))
        #expect(chinese.hasPrefix("\u{FEFF}时段开始,呼入,平均处理时长(秒),在岗坐席,需要坐席,预计服务水平\r\n"))
    }
}
