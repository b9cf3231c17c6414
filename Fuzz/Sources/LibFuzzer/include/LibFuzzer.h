#ifndef KEFU_LIBFUZZER_H
#define KEFU_LIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer (linked by -sanitize=fuzzer) with the program's own
/// arguments: its flags, corpus folders or inputs to replay. `test` is
/// called with each input; it returns 0.
int kefu_fuzz_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
