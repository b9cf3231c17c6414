#include "CSQLite.h"

const sqlite3_destructor_type CSQLITE_TRANSIENT = SQLITE_TRANSIENT;
const sqlite3_destructor_type CSQLITE_STATIC = SQLITE_STATIC;
