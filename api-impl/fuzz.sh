#!/usr/bin/env bash
# A long fuzzing run of one Ferry fuzz target with Jazzer's own launcher.
#   api-impl/fuzz.sh FrameParserFuzzTest 600
# Targets: FrameParserFuzzTest, Utf8ValidatorFuzzTest, HandshakeFuzzTest, InflaterFuzzTest
# (package dev.ferry.fuzz). The corpus grows in api-impl/target/fuzz-corpus/<target>, starting from
# the committed seeds in src/test/resources/dev/ferry/fuzz/<target>Inputs/<method>/ (read, never
# written); a crash is written to the working directory as crash-<hash>, with the stack trace on
# the console.
set -euo pipefail
target=${1:?target class, e.g. FrameParserFuzzTest}
seconds=${2:-600}
cd "$(dirname "$0")"
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
cp=$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout 2>/dev/null \
  || mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
corpus=target/fuzz-corpus/$target
mkdir -p "$corpus"
# libFuzzer adds what it finds to the first corpus directory only.
seeds=(src/test/resources/dev/ferry/fuzz/"$target"Inputs/*/)
[ -d "${seeds[0]}" ] || seeds=()
exec java -cp "target/test-classes:target/classes:$cp" com.code_intelligence.jazzer.Jazzer \
  --target_class="dev.ferry.fuzz.$target" --instrumentation_includes='dev.ferry.**' \
  -max_total_time="$seconds" -rss_limit_mb=4096 "$corpus" "${seeds[@]}"
