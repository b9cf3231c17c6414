/// The stretch of the window around one instant in which the local hour,
/// the local day and the staffing interval stay the same: where a call
/// falls, found with divisions only when it leaves the previous call's
/// slice (calls come in time order, so that is a few dozen times a day).
struct TimeSlice {
    /// [start, end), Unix ms.
    private(set) var start: Int64 = 1
    private(set) var end: Int64 = 0
    /// Local hour 0…23.
    private(set) var hour = 0
    /// Local days since the window's first.
    private(set) var day = 0
    /// Staffing interval, from the window's start.
    private(set) var bucket = 0

    /// Moves the slice to the one holding `time` (inside the window), if it is not there.
    mutating func locate(_ time: Int64, in window: ReportWindow, firstDay: Int64, bucketMilliseconds: Int64) {
        guard time < start || time >= end else { return }
        let offset = Int64(window.utcOffsetSeconds) * 1000
        let hourStart = ReportWindow.floorDivide(time + offset, 3_600_000) * 3_600_000 - offset
        bucket = Int((time - window.from) / bucketMilliseconds)
        let bucketStart = window.from + Int64(bucket) * bucketMilliseconds
        start = max(hourStart, bucketStart)
        end = min(hourStart + 3_600_000, bucketStart + bucketMilliseconds)
        hour = window.localHour(of: time)
        day = Int(window.localDayNumber(of: time) - firstDay)
    }
}
