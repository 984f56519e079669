#!/usr/bin/env bash
# End-to-end load comparison of Ferry (in Tomcat 11 and Jetty 12.1 ee10) against Tomcat's and
# Jetty's own WebSocket implementations, Netty's (4.2, one NIO event loop) and Bun's
# (uWebSockets). Loopback only. Each server runs in its own process pinned to CPU 0, the load
# generator in its own JVM pinned to CPU 1; servers alternate (A B C, A B C, ...) for --rounds
# rounds; medians and ratios to the reference (Netty's) are printed and written to
# benchmarks/target/load-results.md, logs to benchmarks/target/load-logs/.
#
#   benchmarks/run-load.sh                                  # full run, see docs/benchmarks.md
#   benchmarks/run-load.sh --rounds 1 --servers ferry-tomcat,netty -- --warmup 1 --duration 2 \
#       --scenarios small-echo,small-echo-16,handshake      # a quick look
#   benchmarks/run-load.sh --rounds 1 -- --scenarios many-connections --many-connections 19000
#
# Flags before "--" go to the comparison (--rounds, --servers, --reference, --server-cpu,
# --load-cpu, --server-heap, --bun, --max-run-seconds, --ferry-init-params, --results,
# --max-other-cpu); flags after it go to
# every load generator run (--scenarios, --warmup, --duration, --small-connections, --small-size,
# --pipeline-depth, --large-connections, --large-size, --handshake-concurrency,
# --broadcast-sessions, --broadcast-size, --idle-connections, --message-heap-connections,
# --many-connections, --many-active-percent, --many-source-addresses, --many-hold). Set
# FERRY_SKIP_BUILD=1 to reuse the last build.
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

# Bun (the uWebSockets reference) from npm: the package ships the linux-x64 binary.
bun_version=1.4.4
if [[ ! -x "$here/target/bun/node_modules/.bin/bun" ]] && command -v npm >/dev/null; then
  mkdir -p "$here/target/bun"
  npm install --prefix "$here/target/bun" --no-save --no-audit --no-fund "bun@$bun_version" >&2 \
    || echo "npm could not install bun@$bun_version: the bun flavour will fail" >&2
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
exec timeout --kill-after=30 "${FERRY_LOAD_TIMEOUT:-5400}" \
  java -Xmx256m -cp "$cp" dev.ferry.benchmarks.load.LoadComparison \
  --benchmarks-dir "$here" --ferry-init-params "$ferry_params" "${comparison[@]}" -- "${load[@]}"
