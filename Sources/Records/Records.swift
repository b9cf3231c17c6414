// Records — what the box knows about its calls, as plain values.
//
// What it does: the call detail row (`CallDetail`) that storage keeps and
// reports read; CDR export as CSV for Excel; retention plans (what to
// delete, by age per queue, flagged calls kept longer, a free-space floor;
// days until the disk is full); quality-inspection scores from a call's
// audio levels (silences, over-talk, talk ratio) and the supervisor's
// "to review" list.
// How it works: pure values and functions — no files, no clock; callers
// pass times in Unix milliseconds.
