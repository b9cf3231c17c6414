// Storage — what the box keeps on its own disk.
//
// What it does: call records, queue events, agent states, recordings'
// rows and the access audit in SQLite (WAL, schema migrations); call
// recordings as stereo WAV (caller left, agent right) or sealed with
// AES-GCM, under the data directory by date; repair after a crash;
// retention and the free-space floor; quality figures per recording.
// How it works: `StoreWriter` is the database's one writer, a thread of its
// own fed by a queue, so call control never waits on the disk.
// `RecordingWriter` runs off the media thread: it drains the media loop's
// recording tap and syncs each file about once a second of audio, so a
// recording is playable up to about a second before a crash
// (`StorageRecovery` fixes what was left open at the next start).
