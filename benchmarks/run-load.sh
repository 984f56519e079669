#!/usr/bin/env bash
# End-to-end load comparison of Ferry (in Tomcat 11 and Jetty 12.1 ee10) against Tomcat's and
# Jetty's own WebSocket implementations. Loopback only (127.0.0.1). Each server runs in its own
# JVM pinned to CPU 0, the load generator in its own JVM pinned to CPU 1; servers alternate
# (A B C D, A B C D, ...) for --rounds rounds; medians and ratios to Tomcat's own are printed and
# written to benchmarks/target/load-results.md, logs to benchmarks/target/load-logs/.
#
#   benchmarks/run-load.sh                                  # full run, about 12 minutes
#   benchmarks/run-load.sh --rounds 1 --servers ferry-tomcat,tomcat -- --warmup 1 --duration 2 \
#       --scenarios small-echo,handshake --idle-connections 500      # a quick look
#
# Flags before "--" go to the comparison (--rounds, --servers, --server-cpu, --load-cpu,
# --server-heap, --max-run-seconds, --ferry-init-params); flags after it go to every load generator
# run (--scenarios, --warmup, --duration, --small-connections, --small-size, --large-connections,
# --large-size, --handshake-concurrency, --broadcast-sessions, --broadcast-size,
# --idle-connections, --message-heap-connections). Set FERRY_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

# 5,000 idle connections need about as many descriptors in each JVM.
hard="$(ulimit -Hn)"
if [[ "$hard" != unlimited && "$hard" -lt 12000 ]]; then
  echo "ulimit -Hn is $hard; 5,000 connections need about 12000 descriptors" >&2
fi
ulimit -n "$hard" 2>/dev/null || ulimit -n 12000 || true

if [[ "${FERRY_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -f "$root/pom.xml" -pl benchmarks -am package -DskipTests
fi

# Servlet-context init parameters for the Ferry servers (none: Ferry's defaults are measured).
ferry_params="${FERRY_INIT_PARAMS:-}"

comparison=()
load=()
seen_dash=0
for a in "$@"; do
  if [[ $seen_dash == 0 && "$a" == "--" ]]; then seen_dash=1; continue; fi
  if [[ $seen_dash == 0 ]]; then comparison+=("$a"); else load+=("$a"); fi
done

cp="$here/target/classes:$(cat "$here/target/classpath/load.txt")"
# Hard upper bound on the whole run, whatever happens inside.
exec timeout --kill-after=30 "${FERRY_LOAD_TIMEOUT:-1800}" \
  java -Xmx256m -cp "$cp" dev.ferry.benchmarks.load.LoadComparison \
  --benchmarks-dir "$here" --ferry-init-params "$ferry_params" "${comparison[@]}" -- "${load[@]}"
