/*
 * CSQLite — why this shim exists
 *
 * Storage keeps call records in SQLite (WAL). sqlite3.h imports into Swift as
 * it is, except SQLITE_TRANSIENT and SQLITE_STATIC, which are casts of
 * integers to function pointers and do not import. They are exported here as
 * constants with a prefix.
 */
#ifndef KEFU_CSQLITE_H
#define KEFU_CSQLITE_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT: SQLite copies bound text/blobs before bind returns. */
extern const sqlite3_destructor_type CSQLITE_TRANSIENT;
/* SQLITE_STATIC: the bound memory outlives the statement; no copy. */
extern const sqlite3_destructor_type CSQLITE_STATIC;

#endif
