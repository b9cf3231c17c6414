# Kefu — two commands do all set-up on a fresh Debian 12 machine:
#   make run    install what is missing, build, run the demo
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

DURATION ?= 0
export DURATION
BUILD_FLAGS ?=
SWIFT_TEST_FLAGS ?= --parallel

# Seconds each fuzz target runs: FUZZ_TEST_SECONDS in `make test`,
# FUZZ_SECONDS in `make fuzz` (docs/reliability.md).
FUZZ_TEST_SECONDS ?= 25
FUZZ_SECONDS ?= 600

.PHONY: all setup build run test fuzz bench clean vboard-selftest vboard-test image image-test

all: build

setup:
	@bash scripts/setup.sh

build: setup
	swift build $(BUILD_FLAGS)

run: build
	@bash scripts/demo.sh

test: setup
	swift build --build-tests $(BUILD_FLAGS)
	swift test --skip-build $(SWIFT_TEST_FLAGS)
	FUZZ_SECONDS=$(FUZZ_TEST_SECONDS) bash scripts/fuzz.sh
	$(MAKE) vboard-test

# The parsers of outside bytes under libFuzzer, longer than in `make test`
# (Fuzz/, scripts/fuzz.sh): make fuzz FUZZ_SECONDS=3600 FUZZ_TARGETS="config wav".
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# The channel contract and a whole call on real DAHDI drivers in the virtual
# board (board/virtual): kernel and modules are built once and cached.
# Release build: the guest runs under TCG, several times slower than the host,
# and a debug build's media loop would fall behind the card's 20 ms clock.
vboard-test: setup
	swift build -c release --product vboard-check
	swift build -c release --product kefu
	board/virtual/test.sh "$$(swift build -c release --show-bin-path)/vboard-check"

# The virtual board: real DAHDI modules under qemu (board/virtual/README.md).
vboard-selftest: setup
	board/virtual/selftest.sh

# The appliance's A/B disk image: Debian 12, the virtual board's kernel and
# DAHDI modules, kefud and kefu (docs/appliance.md). Needs root.
image:
	@bash image/setup.sh
	image/build.sh

# Boots the image in qemu: kefud READY, one call, console login, an update
# with a broken build and the fallback to the old slot (docs/appliance.md).
image-test:
	@bash image/setup.sh
	image/test.sh

# DSP pipeline figures (docs/performance.md).
bench: setup
	cd Benchmarks && swift run -c release dsp-ratio && sh callgrind.sh

clean:
	rm -rf .build
