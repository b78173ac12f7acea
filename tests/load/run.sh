#!/usr/bin/env bash
# Load check of POST /api/v1/assignments against GET /health/live in the same run (issue 5):
# the Release build on SQLite with the Development demo profile set, wrk on loopback only.
#   bash tests/load/run.sh [connections=16] [seconds=20]   (each endpoint first runs WARMUP=10 s unmeasured)
# Prints requests/s, p99 and errors per endpoint, the ratio to /health/live, and RSS at start and end.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-16}
seconds=${2:-20}
source tests/load/server.sh
export WARMUP=${WARMUP:-10}
start_server

echo "connections=$connections seconds=$seconds rss_start=$(rss)"
base=$(measure health health.lua "$connections" "$seconds")
assign=$(measure assignments assignment.lua "$connections" "$seconds")
echo "rss_end=$(rss) peak=$(peak_rss)"
report "$base" "$assign"
