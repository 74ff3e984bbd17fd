#!/usr/bin/env bash
# Spark local[2] against the local engine on 2 threads: one R × C array (default 64 × 64) of the tiny
# 8 × 8-node test case (experiments/src/test/resources/cases/tiny-array.json, 8 levels, 5 reads, batches
# of 16), both engines in one run of this script, one after the other. Prints one JSON line with both
# wall times (array.json wall_s: the engine's run, the Spark session's start included), their ratio
# spark/local, and whether the two devices.parquet hold the same rows (benchmarks/ParquetRowsEqual.java).
# Timings on a shared machine are noisy: compare only the ratio of one run. ROWS, COLS override the size;
# CASE=default runs the shipped default device case (hfo2-device) instead of the tiny one; LEVELS (default 8)
# the number of levels.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${ROWS:-64}"
cols="${COLS:-64}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "${CASE:-tiny}" = default ]; then
  # The shipped default device case (hfo2-device) and its cached compact model: the array study's own devices.
  common=(array --rows "$rows" --cols "$cols" --levels "${LEVELS:-8}" --reads 5 --batch 16)
else
  case="$root/experiments/src/test/resources/cases/tiny-array.json"
  "$root/hafnia" extract "$case" --out "$work/extract" --threads 2 >/dev/null
  common=(array "$case" --device "$work/extract/compact.json" --rows "$rows" --cols "$cols" --levels "${LEVELS:-8}" --reads 5 --batch 16)
fi
"$root/hafnia" "${common[@]}" --threads 2 --out "$work/local" >/dev/null
"$root/hafnia" "${common[@]}" --engine spark --master 'local[2]' --out "$work/spark" >/dev/null

# Rows, not bytes: the footer of a Parquet file written in another JVM may list encodings in another order.
identical=false
java -cp "$root/engine-spark/target/lib/*:$root/engine-spark/target/spark-lib/*" "$root/benchmarks/ParquetRowsEqual.java" \
  "$work/local/devices.parquet" "$work/spark/devices.parquet" >/dev/null 2>&1 && identical=true
python3 - "$work/local/array.json" "$work/spark/array.json" "$rows" "$cols" "$identical" "${CASE:-tiny}" "${LEVELS:-8}" <<'PY'
import json, sys
local, spark = (json.load(open(f))["wall_s"] for f in sys.argv[1:3])
print(json.dumps({"case": "array-engines", "device_case": sys.argv[6], "levels": int(sys.argv[7]), "rows": int(sys.argv[3]), "cols": int(sys.argv[4]), "local_threads": 2,
                  "spark_master": "local[2]", "local_s": round(local, 2), "spark_s": round(spark, 2),
                  "ratio_spark_to_local": round(spark / local, 3), "devices_parquet_rows_equal": sys.argv[5] == "true"}))
PY
