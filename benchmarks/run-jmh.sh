#!/usr/bin/env bash
# Engine micro-benchmarks (JMH), followed by a GB/s summary.
#
#   benchmarks/run-jmh.sh                      # the full documented run (~4 minutes)
#   benchmarks/run-jmh.sh -f1 -wi 1 -i 1 -w 1 -r 1 FrameParse   # a quick look
#
# Arguments are JMH's own command line options. The benchmarks run on core 0 (taskset), one
# thread, so the figures are per core. Set FERRY_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

if [[ "${FERRY_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -f "$root/pom.xml" -pl benchmarks -am package -DskipTests
fi
cp="$here/target/classes:$(cat "$here/target/classpath/jmh.txt")"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "${FERRY_JMH_CPU:-0}"); fi
exec "${pin[@]}" java -cp "$cp" dev.ferry.benchmarks.engine.GbPerSecondReport "$@"
