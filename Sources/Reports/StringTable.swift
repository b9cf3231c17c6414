/// A map from strings (caller numbers, queue and agent ids) to values,
/// made for the report's hot loops: an open-addressing table (linear
/// probing, at most half full) whose entries hold the hash, the key and
/// the value together, so a lookup among 200 000 callers touches one
/// place in memory; and a fixed hash of the key's UTF-8 read eight bytes
/// at a time, where the standard dictionary's seeded hashing of a string
/// took over twice as long per lookup. The keys are the center's own ids
/// and caller numbers a caller cannot choose freely, so a fixed hash is
/// no denial-of-service risk worth that price.
struct StringTable<Value> {
    private struct Entry {
        /// 0: empty.
        var hash: UInt64
        var key: String
        var value: Value
    }

    private var entries: [Entry]
    private var mask: Int
    private let empty: Value
    private(set) var count = 0

    /// `empty` fills unused entries.
    init(empty: Value, capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        self.empty = empty
        entries = [Entry](repeating: Entry(hash: 0, key: "", value: empty), count: size)
        mask = size - 1
    }

    /// Stores `value` under `key` and returns what was there (nil if the key is new).
    mutating func exchange(_ key: String, with value: Value) -> Value? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Value? = entries.withUnsafeMutableBufferPointer { table in
            while table[slot].hash != 0 {
                if table[slot].hash == hash, table[slot].key == key {
                    let old = table[slot].value
                    table[slot].value = value
                    return old
                }
                slot = (slot + 1) & mask
            }
            table[slot] = Entry(hash: hash, key: key, value: value)
            return nil
        }
        if found == nil { inserted() }
        return found
    }

    /// The value under `key`; if there is none, stores and returns `value()`.
    mutating func value(_ key: String, orInsert value: () -> Value) -> Value {
        let hash = Self.hash(key)
        let (found, slot) = find(key, hash: hash)
        if let found { return found }
        let new = value()
        entries[slot] = Entry(hash: hash, key: key, value: new)
        inserted()
        return new
    }

    /// The value under `key`, or the empty slot where it would go.
    private func find(_ key: String, hash: UInt64) -> (Value?, slot: Int) {
        entries.withUnsafeBufferPointer { table in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot].hash != 0 {
                if table[slot].hash == hash, table[slot].key == key { return (table[slot].value, slot) }
                slot = (slot + 1) & mask
            }
            return (nil, slot)
        }
    }

    private mutating func inserted() {
        count += 1
        guard count * 2 > entries.count else { return }
        let old = entries
        let size = entries.count * 2
        entries = [Entry](repeating: Entry(hash: 0, key: "", value: empty), count: size)
        mask = size - 1
        for entry in old where entry.hash != 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while entries[slot].hash != 0 { slot = (slot + 1) & mask }
            entries[slot] = entry
        }
    }

    /// A 64-bit hash of the UTF-8 bytes, never 0: eight-byte words folded
    /// in with a multiply-xorshift step, then MurmurHash3's finalizer.
    /// (Keys are compared with `==`; two canonically equivalent keys in
    /// different byte forms would count as two keys, which ids and phone
    /// numbers, ASCII in practice, never are.)
    static func hash(_ key: String) -> UInt64 {
        var h = key.utf8.withContiguousStorageIfAvailable(hash(bytes:))
            ?? Array(key.utf8).withUnsafeBufferPointer(hash(bytes:))
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h == 0 ? 1 : h
    }

    private static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                word |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return h
    }
}

/// Strings numbered 0, 1, 2, … in order of first sight, so figures keyed
/// by them live in plain arrays.
struct StringNumbering {
    private var table = StringTable<Int>(empty: 0)
    private(set) var keys: [String] = []

    mutating func id(_ key: String) -> Int {
        table.value(key) {
            keys.append(key)
            return keys.count - 1
        }
    }

    var count: Int { keys.count }
}
