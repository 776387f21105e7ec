#!/usr/bin/env bash
# Fuzz the whole pipeline (decode → records → JSON) with libFuzzer and
# AddressSanitizer, seeded with the sample corpus.
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags]     (default 60 s)
# Crashes are written to fuzz/crashes/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
swift build -c release --scratch-path .build-fuzz --product PressFactsFuzz \
  -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
mkdir -p fuzz/corpus fuzz/crashes
cp -n corpus/*.txt fuzz/corpus/ 2>/dev/null || true
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp}
exec .build-fuzz/release/PressFactsFuzz fuzz/corpus -max_total_time="$seconds" \
  -artifact_prefix=fuzz/crashes/ -max_len=65536 -print_final_stats=1 "$@"
