#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them; arguments go to JMH (e.g. -p grid=2d-2048 -p threads=2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$root" && mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true)
exec java -cp "$root/benchmarks/target/classes:$root/benchmarks/target/lib/*" org.openjdk.jmh.Main "$@"
