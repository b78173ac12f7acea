#!/usr/bin/env bash
# Load check of POST /api/v1/assignments against GET /health/live in the same run (issue 5):
# the Release build on SQLite with the Development demo profile set, wrk on loopback only.
#   bash tests/load/run.sh [connections=16] [seconds=20]
# Prints requests/s, p99 and errors per endpoint, the ratio to /health/live, and RSS at start and end.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-16}
seconds=${2:-20}
port=5198

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build -c Release src/Datawijs.Api -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development \
Database__ConnectionString="Data Source=$work/load.db" \
Pseudonymisation__MasterKey="$(head -c 32 /dev/urandom | base64)" \
RateLimiting__PermitsPerSecond=0 \
Logging__LogLevel__Default=Warning \
  dotnet src/Datawijs.Api/bin/Release/net10.0/Datawijs.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  grep -q 'token     :' "$work/server.log" 2>/dev/null && curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 1
done
export DATAWIJS_TOKEN=$(grep -o 'token     : [^ ]*' "$work/server.log" | head -1 | awk '{print $3}')
rss() { awk '/VmRSS/ {print $2/1024 " MiB"}' "/proc/$server/status"; }

measure() { # name url script
  local out="$work/$1.txt"
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" --latency -s "tests/load/$3" "$2" >"$out"
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(awk -F= '/non2xx_or_errors/ {print $2}' "$out")
  echo "$1 $rps $p99 $errors"
}

echo "connections=$connections seconds=$seconds rss_start=$(rss)"
curl -sf "http://127.0.0.1:$port/health/live" >/dev/null
base=$(measure health "http://127.0.0.1:$port/health/live" health.lua)
assign=$(measure assignments "http://127.0.0.1:$port" assignment.lua)
echo "rss_end=$(rss)"
printf '%-14s %12s %10s %8s %8s\n' endpoint requests/s p99 errors ratio
base_rps=$(echo "$base" | awk '{print $2}')
for line in "$base" "$assign"; do
  set -- $line
  printf '%-14s %12s %10s %8s %8.3f\n' "$1" "$2" "$3" "$4" "$(echo "$2 / $base_rps" | bc -l)"
done
