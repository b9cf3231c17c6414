/// The database's schema as a list of migrations. The file's
/// `PRAGMA user_version` says how many have run; opening a database runs the
/// rest, each in its own transaction, so an old box's data is carried
/// forward and a half-run migration never sticks. Append; never edit one
/// that has shipped.
public enum Schema {
    public static let migrations: [String] = [
        // 1: calls, their data, queue and agent events, recordings, audit.
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY,
            line INTEGER NOT NULL,
            caller_number TEXT,
            caller_name TEXT,
            arrived_ms INTEGER NOT NULL,
            answered_ms INTEGER,
            queued_ms INTEGER,
            connected_ms INTEGER,
            ended_ms INTEGER,
            end_reason TEXT,
            queue TEXT,
            agent TEXT,
            menu_path TEXT NOT NULL DEFAULT '',
            keys TEXT NOT NULL DEFAULT '',
            language TEXT,
            survey_asked INTEGER NOT NULL DEFAULT 0,
            survey_score INTEGER,
            missed_offers INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL CHECK (state IN ('in-progress', 'finished', 'interrupted')),
            flagged INTEGER NOT NULL DEFAULT 0,
            dtmf_keys INTEGER NOT NULL DEFAULT 0,
            false_digit_suspects INTEGER NOT NULL DEFAULT 0,
            ended_by_tone TEXT
        );
        CREATE INDEX calls_arrived ON calls(arrived_ms);
        CREATE INDEX calls_caller ON calls(caller_number, arrived_ms);
        CREATE INDEX calls_queue ON calls(queue, arrived_ms);
        CREATE INDEX calls_agent ON calls(agent, arrived_ms);
        CREATE TABLE call_data (
            call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (call_id, key)
        );
        CREATE TABLE queue_events (
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL,
            queue TEXT NOT NULL,
            kind TEXT NOT NULL,
            agent TEXT,
            waited_ms INTEGER,
            talked_ms INTEGER,
            detail TEXT,
            at_ms INTEGER NOT NULL
        );
        CREATE INDEX queue_events_queue ON queue_events(queue, at_ms);
        CREATE INDEX queue_events_call ON queue_events(call_id);
        CREATE INDEX queue_events_at ON queue_events(at_ms);
        CREATE TABLE agent_states (
            id INTEGER PRIMARY KEY,
            agent TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            call_id INTEGER,
            phone INTEGER,
            at_ms INTEGER NOT NULL
        );
        CREATE INDEX agent_states_agent ON agent_states(agent, at_ms);
        CREATE INDEX agent_states_at ON agent_states(at_ms);
        CREATE TABLE recordings (
            call_id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            queue TEXT,
            agent TEXT,
            started_ms INTEGER NOT NULL,
            ended_ms INTEGER,
            bytes INTEGER NOT NULL DEFAULT 0,
            sealed_key TEXT,
            state TEXT NOT NULL CHECK (state IN ('recording', 'complete', 'repaired', 'cut-short', 'deleted')),
            note TEXT,
            caller_talk_ms INTEGER,
            agent_talk_ms INTEGER,
            over_talk_ms INTEGER,
            long_silences INTEGER,
            longest_silence_ms INTEGER,
            score INTEGER,
            findings TEXT,
            deleted_ms INTEGER,
            delete_reason TEXT
        );
        CREATE INDEX recordings_started ON recordings(started_ms);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at_ms INTEGER NOT NULL,
            user TEXT NOT NULL,
            action TEXT NOT NULL,
            object TEXT NOT NULL,
            detail TEXT
        );
        CREATE INDEX audit_at ON audit(at_ms);
        CREATE TABLE caller_notes (
            id INTEGER PRIMARY KEY,
            caller_number TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            user TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX caller_notes_caller ON caller_notes(caller_number, at_ms);
        """,
        // 2: calls the box places (which way a call went, the call it was
        // placed for) and the mailboxes' messages.
        """
        ALTER TABLE calls ADD COLUMN direction TEXT NOT NULL DEFAULT 'in';
        ALTER TABLE calls ADD COLUMN origin_call INTEGER;
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            call_id INTEGER NOT NULL,
            box TEXT NOT NULL,
            caller_number TEXT,
            at_ms INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            path TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'heard', 'deleted')),
            heard_by TEXT,
            heard_at_ms INTEGER
        );
        CREATE INDEX messages_box ON messages(box, at_ms);
        CREATE INDEX messages_at ON messages(at_ms);
        """,
        // 3: the report's half-hour tables (see SlotWriter): per queue and
        // per agent, kept as rows are written, so a day report reads 48
        // rows per queue and agent instead of every call and state. Each
        // call keeps the wrap-up charged to it and whether its caller called
        // again within 24 hours; the rows written before are counted in
        // once, when this migration runs.
        """
        ALTER TABLE calls ADD COLUMN wrap_up_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE calls ADD COLUMN repeated INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX calls_agent_ended ON calls(agent, ended_ms);
        CREATE TABLE report_queue_slots (
            slot INTEGER NOT NULL,
            queue TEXT NOT NULL,
            offered INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL DEFAULT 0,
            abandoned INTEGER NOT NULL DEFAULT 0,
            refused INTEGER NOT NULL DEFAULT 0,
            other_ends INTEGER NOT NULL DEFAULT 0,
            callbacks_booked INTEGER NOT NULL DEFAULT 0,
            callbacks_connected INTEGER NOT NULL DEFAULT 0,
            messages_left INTEGER NOT NULL DEFAULT 0,
            answer_wait_ms INTEGER NOT NULL DEFAULT 0,
            abandon_wait_ms INTEGER NOT NULL DEFAULT 0,
            longest_wait_ms INTEGER NOT NULL DEFAULT 0,
            talk_ms INTEGER NOT NULL DEFAULT 0,
            wrap_up_ms INTEGER NOT NULL DEFAULT 0,
            resolution_base INTEGER NOT NULL DEFAULT 0,
            repeat_calls INTEGER NOT NULL DEFAULT 0,
            not_queued INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (slot, queue)
        ) WITHOUT ROWID;
        CREATE TABLE report_agent_slots (
            slot INTEGER NOT NULL,
            agent TEXT NOT NULL,
            answered INTEGER NOT NULL DEFAULT 0,
            talk_ms INTEGER NOT NULL DEFAULT 0,
            wrap_up_ms INTEGER NOT NULL DEFAULT 0,
            available_ms INTEGER NOT NULL DEFAULT 0,
            ringing_ms INTEGER NOT NULL DEFAULT 0,
            on_call_ms INTEGER NOT NULL DEFAULT 0,
            wrap_up_state_ms INTEGER NOT NULL DEFAULT 0,
            paused_ms INTEGER NOT NULL DEFAULT 0,
            other_ms INTEGER NOT NULL DEFAULT 0,
            offers INTEGER NOT NULL DEFAULT 0,
            missed_offers INTEGER NOT NULL DEFAULT 0,
            changes INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (slot, agent)
        ) WITHOUT ROWID;
        CREATE TABLE report_pause_slots (
            slot INTEGER NOT NULL,
            agent TEXT NOT NULL,
            reason TEXT NOT NULL,
            ms INTEGER NOT NULL,
            PRIMARY KEY (slot, agent, reason)
        ) WITHOUT ROWID;
        CREATE TABLE report_counts (
            slot INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('answer-wait', 'abandon-wait', 'queue-score', 'agent-score')),
            owner TEXT NOT NULL,
            value INTEGER NOT NULL,
            calls INTEGER NOT NULL,
            PRIMARY KEY (slot, kind, owner, value)
        ) WITHOUT ROWID;
        CREATE TABLE report_meta (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        );
        """,
        // 4: how agents handled a call from their phones: holds and their
        // time, where they passed it on (queues or colleagues), conferences.
        """
        ALTER TABLE calls ADD COLUMN holds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE calls ADD COLUMN held_ms INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE calls ADD COLUMN transfers TEXT NOT NULL DEFAULT '';
        ALTER TABLE calls ADD COLUMN conferences INTEGER NOT NULL DEFAULT 0;
        """,
        // 5: the audit is append-only. No entry may be changed; an entry may
        // be deleted only once it is 30 days (the shortest audit_days) older
        // than the newest entry, which is how retention removes old ones
        // (it writes its own entry first). Clock-free: a wrong system clock
        // cannot open the log.
        """
        CREATE TRIGGER audit_entries_are_never_changed BEFORE UPDATE ON audit
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only: its entries cannot be changed');
        END;
        CREATE TRIGGER audit_entries_are_kept_30_days BEFORE DELETE ON audit
        WHEN old.at_ms > (SELECT max(at_ms) FROM audit) - 2592000000
        BEGIN
            SELECT RAISE(ABORT, 'the audit log is append-only: an entry is deleted only by retention, 30 days after newer entries');
        END;
        """,
        // 6: why each call's line was released (`ReleaseReason`): a kind to
        // count and the figures measured (tone frequency, burst and gap,
        // bursts seen; a length: loop current gone, a wait, the longest
        // call), the detail and the operator. Rows from before get the kind
        // their end reason makes certain; the others stay unknown (NULL).
        // Per-line tallies read a span of arrivals (calls_arrived).
        """
        ALTER TABLE calls ADD COLUMN release_kind TEXT;
        ALTER TABLE calls ADD COLUMN release_hz INTEGER;
        ALTER TABLE calls ADD COLUMN release_on_ms INTEGER;
        ALTER TABLE calls ADD COLUMN release_off_ms INTEGER;
        ALTER TABLE calls ADD COLUMN release_count INTEGER;
        ALTER TABLE calls ADD COLUMN release_ms INTEGER;
        ALTER TABLE calls ADD COLUMN release_detail TEXT;
        ALTER TABLE calls ADD COLUMN release_by TEXT;
        UPDATE calls SET release_kind = CASE
                WHEN end_reason IN ('caller-loop-drop') THEN 'loop-drop'
                WHEN end_reason IN ('caller-busy-tone', 'callee-busy') THEN 'busy-tone'
                WHEN end_reason = 'abandoned-ringing' THEN 'ringing-stopped'
                WHEN end_reason = 'agent-hung-up' AND survey_asked = 0 THEN 'agent-hung-up'
                WHEN end_reason IN ('operator-hangup', 'queue-refused', 'callback-booked') THEN end_reason
                WHEN end_reason IN ('callee-no-answer', 'callee-not-reached', 'outbound-refused', 'glare') THEN 'call-failed'
                WHEN end_reason = 'transferred' THEN 'transferred-out'
                WHEN end_reason = 'other-side-hung-up' THEN 'other-call-ended'
                WHEN end_reason = 'interrupted' THEN 'interrupted'
            END,
            release_detail = CASE
                WHEN end_reason IN ('callee-no-answer', 'callee-not-reached', 'outbound-refused', 'glare') THEN end_reason
                WHEN end_reason IN ('caller-busy-tone', 'callee-busy') THEN ended_by_tone
            END
        WHERE state != 'in-progress';
        """,
        // 7: E1 lines: the number the caller dialled (DNIS; it chose the
        // menu) and, on MFC/R2, the calling party's category. The calling
        // number (ANI) is caller_number as on analog lines.
        """
        ALTER TABLE calls ADD COLUMN called_number TEXT;
        ALTER TABLE calls ADD COLUMN caller_category TEXT;
        """,
    ]

    /// Work a migration needs beyond its SQL, run in the same transaction
    /// (by the version the migration brings the file to).
    static func afterMigration(_ version: Int, _ db: SQLiteDatabase) throws(SQLiteError) {
        if version == 3 { try SlotBackfill.run(db) }
    }

    /// Brings the database up to the newest schema. Refuses a database made
    /// by newer firmware (its data would be misread).
    public static func migrate(_ db: SQLiteDatabase) throws(SQLiteError) {
        let have = db.userVersion
        guard have <= migrations.count else {
            throw SQLiteError(code: 1, message: "the database has schema version \(have); this firmware knows up to \(migrations.count) (newer firmware made it)",
                              context: db.path)
        }
        for version in have..<migrations.count {
            try db.transaction { () throws(SQLiteError) in
                try db.execute(migrations[version])
                try afterMigration(version + 1, db)
                try db.execute("PRAGMA user_version = \(version + 1)")
            }
        }
    }
}
