import CSQLite
import Testing

/// An open in-memory database, closed when the test's scope ends.
private final class MemoryDatabase {
    let handle: OpaquePointer

    init() throws {
        var db: OpaquePointer?
        let rc = sqlite3_open(":memory:", &db)
        guard rc == SQLITE_OK, let db else {
            sqlite3_close(db)
            throw SQLiteFailure(code: rc, message: "sqlite3_open failed")
        }
        handle = db
    }

    deinit { sqlite3_close(handle) }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func execute(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw SQLiteFailure(code: rc, message: errorMessage) }
    }

    func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw SQLiteFailure(code: rc, message: errorMessage) }
        return statement
    }

    /// The `caller` column of every row of `calls`, in id order.
    func callers() throws -> [String] {
        let select = try prepare("SELECT caller FROM calls ORDER BY id")
        defer { sqlite3_finalize(select) }
        var out: [String] = []
        while sqlite3_step(select) == SQLITE_ROW {
            out.append(String(cString: sqlite3_column_text(select, 0)))
        }
        return out
    }
}

private struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite \(code): \(message)" }
}

@Suite struct SQLiteShimTests {
    @Test func transientAndStaticDestructorsHaveSQLitesSentinelValues() {
        // sqlite3.h: SQLITE_STATIC is (destructor)0, SQLITE_TRANSIENT is (destructor)-1.
        #expect(CSQLITE_STATIC == nil)
        let transient = unsafeBitCast(CSQLITE_TRANSIENT, to: Int.self)
        #expect(transient == -1)
    }

    @Test func textBoundTransientFromATemporarySwiftStringReadsBackEqual() throws {
        let db = try MemoryDatabase()
        try db.execute("CREATE TABLE calls(id INTEGER PRIMARY KEY, caller TEXT NOT NULL)")
        let insert = try db.prepare("INSERT INTO calls(caller) VALUES (?1)")
        defer { sqlite3_finalize(insert) }

        let number = 4001
        // A Swift String passed as const char* lives only for the call; SQLite
        // must copy it (TRANSIENT) for the insert below to see it.
        #expect(sqlite3_bind_text(insert, 1, "客服-\(number)", -1, CSQLITE_TRANSIENT) == SQLITE_OK)
        #expect(sqlite3_step(insert) == SQLITE_DONE)

        #expect(try db.callers() == ["客服-4001"])
    }

    @Test func transientBindingIsACopyUnaffectedByLaterWritesToTheBuffer() throws {
        let db = try MemoryDatabase()
        try db.execute("CREATE TABLE calls(id INTEGER PRIMARY KEY, caller TEXT NOT NULL)")
        let insert = try db.prepare("INSERT INTO calls(caller) VALUES (?1)")
        defer { sqlite3_finalize(insert) }

        var buffer = Array("13800138000".utf8CString)
        let rc = buffer.withUnsafeBufferPointer { sqlite3_bind_text(insert, 1, $0.baseAddress, -1, CSQLITE_TRANSIENT) }
        #expect(rc == SQLITE_OK)
        // Overwrite the same storage before the statement runs: a STATIC
        // binding would now store "XXXXXXXXXXX".
        buffer.withUnsafeMutableBufferPointer { chars in
            for i in 0..<chars.count - 1 { chars[i] = CChar(UInt8(ascii: "X")) }
        }
        #expect(sqlite3_step(insert) == SQLITE_DONE)

        #expect(try db.callers() == ["13800138000"])
    }

    @Test func staticBindingReadsTextThatOutlivesTheStatement() throws {
        let db = try MemoryDatabase()
        try db.execute("CREATE TABLE calls(id INTEGER PRIMARY KEY, caller TEXT NOT NULL)")
        let insert = try db.prepare("INSERT INTO calls(caller) VALUES (?1)")
        let text = Array("010-88886666".utf8CString)
        try text.withUnsafeBufferPointer { (chars) throws in
            defer { sqlite3_finalize(insert) }
            #expect(sqlite3_bind_text(insert, 1, chars.baseAddress, -1, CSQLITE_STATIC) == SQLITE_OK)
            #expect(sqlite3_step(insert) == SQLITE_DONE)
            #expect(try db.callers() == ["010-88886666"])
        }
    }

    @Test func badSQLFailsWithSQLiteErrorAndTheMessageNamesTheProblem() throws {
        let db = try MemoryDatabase()
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(db.handle, "SELEC caller FROM calls", -1, &statement, nil)
        #expect(rc == SQLITE_ERROR)
        #expect(statement == nil)
        let message = db.errorMessage
        #expect(message.contains("syntax error"), "message: \(message)")
        #expect(message.contains("SELEC"), "message: \(message)")
    }

    @Test func queryingAMissingTableFailsWithSQLiteErrorNamingTheTable() throws {
        let db = try MemoryDatabase()
        let rc = sqlite3_exec(db.handle, "SELECT * FROM recordings", nil, nil, nil)
        #expect(rc == SQLITE_ERROR)
        #expect(db.errorMessage == "no such table: recordings")
    }
}
