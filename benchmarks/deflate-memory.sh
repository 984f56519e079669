#!/usr/bin/env bash
# What an idle connection costs the server outside its heap, with and without permessage-deflate.
#   benchmarks/deflate-memory.sh [connections]      (default 1000; about a minute; loopback only)
# Starts the samples' demo server (embedded Tomcat with Ferry) with a fixed, pre-touched heap, so
# that heap growth does not count, and measures three client offers in turn: no compression,
# permessage-deflate with context takeover, and without it (as dev.ferry.deflateContextTakeover=false
# would ask for).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-1000}
mvn -B -q -f "$root/pom.xml" -pl benchmarks,samples -am package -DskipTests
cp="$here/target/classes:$(cat "$here/target/classpath/ferry-client.txt")"
port=18291
for mode in off context nocontext; do
  java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -jar "$root/samples/target/ferry-samples.jar" --port $port \
    > "$here/target/deflate-memory-server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 50); do grep -q "ws://" "$here/target/deflate-memory-server.log" && break; sleep 0.2; done
  timeout 300 java -cp "$cp" dev.ferry.benchmarks.memory.DeflateMemory $port $server "$n" $mode
  kill $server; wait $server 2>/dev/null || true
done
