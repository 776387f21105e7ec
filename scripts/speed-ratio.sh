#!/usr/bin/env bash
# The throughput targets of `extract`, measured the way a noisy shared machine
# allows: ROUNDS interleaved rounds of ICU alone from C (scripts/icu-floor.c, in
# 3,000-unit chunks and per document) and `extract --jsonl` on one thread and on
# all cores, over the same MEGABYTES of the sample corpus; prints the best and the
# median of each and the ratios of the best times. Interleaving puts every
# contender under the same background load; the best time is the least disturbed.
#   scripts/speed-ratio.sh [ROUNDS] [MEGABYTES]        (default 7 rounds, 20 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}; megabytes=${2:-20}
work=${TMPDIR:-/tmp}/pressfacts-speed; mkdir -p "$work"
swift build -c release --product pressfacts >/dev/null
cc -O2 scripts/icu-floor.c -o "$work/icu-floor" $(pkg-config --cflags --libs icu-uc)

# The corpus repeated to MEGABYTES of UTF-8 text, as JSON Lines for `extract`,
# as one text for ICU in chunks, and NUL-separated for ICU per document.
python3 - "$megabytes" "$work" <<'EOF'
import glob, json, os, sys
target, work = float(sys.argv[1]) * 1e6, sys.argv[2]
docs = [(os.path.basename(p)[:-4], open(p, encoding="utf-8").read()) for p in sorted(glob.glob("corpus/*.txt"))]
total = i = 0
with open(f"{work}/corpus.jsonl", "w", encoding="utf-8") as jl, open(f"{work}/corpus.txt", "wb") as txt, open(f"{work}/corpus.nul", "wb") as nul:
    while total < target:
        name, text = docs[i % len(docs)]
        data = text.encode()
        jl.write(json.dumps({"id": f"{name}-{i // len(docs)}", "text": text}, ensure_ascii=False) + "\n")
        txt.write(data); nul.write(data + b"\0")
        total += len(data); i += 1
print(f"{i} documents, {total / 1e6:.2f} MB of UTF-8 text", file=sys.stderr)
EOF

bytes=$(stat -c %s "$work/corpus.txt")
seconds() { local t0=$EPOCHREALTIME; "$@" >/dev/null; awk "BEGIN { print $EPOCHREALTIME - $t0 }"; }
extract() { .build/release/pressfacts extract --jsonl --jobs "$1" < "$work/corpus.jsonl"; }
: > "$work/times"
for round in $(seq "$rounds"); do
  echo "icu-chunks $(seconds "$work/icu-floor" "$work/corpus.txt")" >> "$work/times"
  echo "icu-documents $(seconds "$work/icu-floor" "$work/corpus.nul")" >> "$work/times"
  echo "extract-1 $(seconds extract 1)" >> "$work/times"
  echo "extract-all $(seconds extract "$(nproc)")" >> "$work/times"
done
python3 - "$work/times" "$bytes" "$(nproc)" <<'EOF'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    name, t = line.split(); times.setdefault(name, []).append(float(t))
mb, cores = int(sys.argv[2]) / 1e6, sys.argv[3]
best = {k: min(v) for k, v in times.items()}
for name, v in times.items():
    print(f"{name:14} best {best[name]:.3f} s {mb / best[name]:6.2f} MB/s   median {statistics.median(v):.3f} s   ({len(v)} rounds)")
print(f"extract 1 thread / ICU from C in chunks:     {best['icu-chunks'] / best['extract-1']:.2f}")
print(f"extract 1 thread / ICU from C per document:  {best['icu-documents'] / best['extract-1']:.2f}")
print(f"extract on {cores} cores / 1 thread:            {best['extract-1'] / best['extract-all']:.2f}x")
EOF
