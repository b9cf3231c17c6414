#include "LibFuzzer.h"

// libFuzzer's driver: parses its flags from argv and calls `test` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

static int (*current_test)(const uint8_t *data, size_t size);

// libFuzzer's own main (pulled in by -sanitize=fuzzer) names this entry;
// SwiftPM points `main` at the target's main.swift, which calls
// kefu_fuzz_run, so inputs come here only through `current_test`.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return current_test ? current_test(data, size) : 0;
}

int kefu_fuzz_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size)) {
    current_test = test;
    return LLVMFuzzerRunDriver(&argc, &argv, test);
}
