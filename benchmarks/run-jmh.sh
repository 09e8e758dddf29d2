#!/usr/bin/env bash
# Builds the benchmarks and runs the JMH token-validation comparison in one run; prints the ratio table and
# writes target/bench/ratios.md and target/bench/jmh.json. Extra arguments go to RatioRunner, e.g.
#   benchmarks/run-jmh.sh --forks=1 --warmup=3 --measurement=5 --time=2s
#   benchmarks/run-jmh.sh --prof=gc            (or --prof=stack, --benchmarks='signwardHit|jcaVerify')
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am -Dmaven.test.skip=true package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java -cp "$cp" com.signward.bench.RatioRunner --out=benchmarks/target/bench \
  "--commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo +changes)" "$@"
