#!/usr/bin/env bash
# Builds the C/OpenMP Allen-Cahn kernel and runs it on the bench problem.
# usage: benchmarks/c/run.sh [N] [STEPS] [THREADS]   (defaults 2048 50 2)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
table="${HAFNIA_REFERENCE:-$root/../shared/reference}/fig4/energy_profile.txt"
mkdir -p "$here/target"
gcc -O3 -march=native -fopenmp -o "$here/target/allen_cahn" "$here/allen_cahn.c" -lm
OMP_NUM_THREADS="${3:-2}" OMP_PROC_BIND=true "$here/target/allen_cahn" "$table" "${1:-2048}" "${2:-50}"
