// Storage — what the box keeps on its own disk.
//
// What it does: writes call recordings as stereo WAV files (caller left,
// agent right) under the data directory by date. (Call records in SQLite,
// retention, encryption and the access audit are not built yet.)
// How it works: `RecordingWriter` runs off the media thread: it drains the
// media loop's recording tap, appends each frame to the open file of its
// slot, rewrites the WAV header sizes and fsyncs about once a second, so a
// recording is playable up to about a second before a crash.
