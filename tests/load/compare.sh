#!/usr/bin/env bash
# One fixed set of speed and memory figures, so that a change can be measured before and after with
# the same commands (run it once on each tree, on a quiet machine, and compare the printed lines):
#   bash tests/load/compare.sh > figures.txt
# 1. POST /api/v1/assignments against GET /health/live (run.sh, 16 connections, 15 s, 5 s warm-up);
# 2. the mixed load, shortened (mixed.sh: 32 connections, 20 s, 5 s per endpoint alone);
# 3. upload of 1,000,000 households (upload.sh: time, rows/s, peak RSS);
# 4. clustering end to end, 200,000 households, k = 6, 3 restarts, against scikit-learn (clustering.sh);
# 5. the k-prototypes fit against ML.NET's KMeans at 100,000 rows (Datawijs.Benchmarks versus-mlnet);
# 6. chained access-log appends against plain inserts (Datawijs.Benchmarks access-log).
# Needs wrk, jq, curl and python3-sklearn (Debian packages); not part of CI.
set -uo pipefail
cd "$(dirname "$0")/../.."
section() { printf '\n=== %s\n' "$1"; }
section "assignments vs health (run.sh 16 15)"
WARMUP=5 bash tests/load/run.sh 16 15 2>&1 | tail -n 8
section "mixed (mixed.sh 32 20 5)"
WARMUP=5 bash tests/load/mixed.sh 32 20 5 2>&1 | tail -n 14
section "upload (upload.sh 1000000)"
bash tests/load/upload.sh 1000000 2>&1 | tail -n 4
section "clustering vs scikit-learn (clustering.sh 200000 3)"
bash tests/load/clustering.sh 200000 3 2>&1 | tail -n 8
section "k-prototypes vs ML.NET (versus-mlnet 100000 3)"
dotnet run -c Release --project tests/Datawijs.Benchmarks -- versus-mlnet 100000 3 2>&1 | tail -n 5
section "access log (access-log)"
dotnet run -c Release --project tests/Datawijs.Benchmarks -- access-log 2>&1 | tail -n 5
