import CSQLite

/// A value to bind to a statement parameter.
public enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

public protocol SQLiteBindable {
    var sqliteValue: SQLiteValue { get }
}

extension Int: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(Int64(self)) } }
extension Int64: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(self) } }
extension Double: SQLiteBindable { public var sqliteValue: SQLiteValue { .real(self) } }
extension String: SQLiteBindable { public var sqliteValue: SQLiteValue { .text(self) } }
extension Bool: SQLiteBindable { public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) } }
extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    public var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
}

/// A prepared statement: bind, step through rows, read columns.
public final class SQLiteStatement {
    let database: SQLiteDatabase
    let sql: String
    private let handle: OpaquePointer

    init(database: SQLiteDatabase, sql: String) throws(SQLiteError) {
        self.database = database
        self.sql = sql
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw database.error(rc, sql) }
        handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds the parameters (?1, ?2, … in order).
    @discardableResult
    public func bind(_ values: [SQLiteBindable]) throws(SQLiteError) -> SQLiteStatement {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value.sqliteValue {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            case .text(let v): rc = sqlite3_bind_text(handle, index, v, -1, CSQLITE_TRANSIENT)
            case .blob(let v): rc = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), CSQLITE_TRANSIENT) }
            }
            guard rc == SQLITE_OK else { throw database.error(rc, sql) }
        }
        return self
    }

    /// Runs a statement that returns no rows.
    public func run(_ values: [SQLiteBindable] = []) throws(SQLiteError) {
        try bind(values)
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else { throw database.error(rc, sql) }
    }

    /// Steps to the next row: true while there is one.
    public func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        if rc == SQLITE_DONE { return false }
        throw database.error(rc, sql)
    }

    /// Every row, each read by `row`.
    public func rows<T>(_ values: [SQLiteBindable] = [], _ row: (SQLiteStatement) -> T) throws(SQLiteError) -> [T] {
        try bind(values)
        var result: [T] = []
        while try step() { result.append(row(self)) }
        return result
    }

    /// The first column of the first row, as an integer (nil: no row or NULL).
    public func firstInt(_ values: [SQLiteBindable] = []) throws(SQLiteError) -> Int? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        guard try step(), !isNull(0) else { return nil }
        return Int(int64(0))
    }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
    public func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
    public func string(_ column: Int32) -> String { optionalString(column) ?? "" }
    public func optionalString(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }
}
