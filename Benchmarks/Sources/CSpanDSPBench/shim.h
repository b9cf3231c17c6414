/* spandsp's public API for the benchmark package (no exposed internals). */
#include <spandsp.h>
