#!/usr/bin/env bash
# Fan-out benchmark: one message of 256 bytes to 1,000 and 10,000 sessions, Ferry's topics in
# Tomcat 11 and Jetty 12.1 against the usual loop over getOpenSessions() with getAsyncRemote()
# on Tomcat's and Jetty's own WebSocket; then two Ferry nodes sharing topics through a
# redis-server started here. Servers pinned to CPU 0, the client to CPU 1, loopback only.
# Results: benchmarks/target/fanout-results.md; logs: benchmarks/target/fanout-logs/.
#
#   benchmarks/run-fanout.sh                                  # full run, about 15 minutes
#   benchmarks/run-fanout.sh --rounds 1 --servers ferry-tomcat,tomcat --sessions 1000 \
#       --warmup 2 --duration 3 --cross-node false             # a quick look
#
# Flags: see dev.ferry.benchmarks.fanout.FanOutComparison. Set FERRY_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

hard="$(ulimit -Hn)"
ulimit -n "$hard" 2>/dev/null || true

if [[ "${FERRY_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -f "$root/pom.xml" -pl benchmarks,broadcast-redis -am package -DskipTests
fi

exec timeout --kill-after=30 "${FERRY_FANOUT_TIMEOUT:-3600}" \
  java -Xmx256m -cp "$here/target/classes" dev.ferry.benchmarks.fanout.FanOutComparison \
  --benchmarks-dir "$here" "$@"
