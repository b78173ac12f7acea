# Shared by the load scripts: starts the Release build on a fresh SQLite database in the
# Development environment (demo tenant, all-scopes client and published synthetic profile set)
# and measures one endpoint with wrk. Source it; start_server sets $server and DATAWIJS_TOKEN, and
# $port and $work are set on sourcing (DATAWIJS_LOAD_PORT overrides the port).

if ! command -v wrk >/dev/null 2>&1 || ! command -v jq >/dev/null 2>&1; then
  echo "installing wrk and jq (Debian packages)"
  (apt-get update -qq && apt-get install -y -qq wrk jq) >/dev/null
fi

port=${DATAWIJS_LOAD_PORT:-5198}
work=$(mktemp -d)
trap 'if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

# start_server: a fresh database each time (the Release build is built once per script run).
start_server() {
  if [ -z "${built:-}" ]; then
    dotnet build -c Release src/Datawijs.Api -v q -nologo >/dev/null || { echo "the Release build failed:" >&2; dotnet build -c Release src/Datawijs.Api -v q -nologo 2>&1 | grep -E " error " | sort -u >&2; exit 1; }
    built=1
  fi
  rm -f "$work"/load.db*
  ASPNETCORE_ENVIRONMENT=Development \
  Database__ConnectionString="Data Source=$work/load.db" \
  Pseudonymisation__MasterKey="$(head -c 32 /dev/urandom | base64)" \
  RateLimiting__PermitsPerSecond=0 \
  Uploads__MaxConcurrentPerTenant=64 \
  Logging__LogLevel__Default=Warning \
    dotnet src/Datawijs.Api/bin/Release/net10.0/Datawijs.Api.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    grep -q 'token     :' "$work/server.log" 2>/dev/null && curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 1
  done
  DATAWIJS_TOKEN=$(grep -o 'token     : [^ ]*' "$work/server.log" | head -1 | awk '{print $3}')
  DATAWIJS_CITIZEN_TOKEN=$(grep -o 'citizen token : [^ ]*' "$work/server.log" | head -1 | awk '{print $4}')
  export DATAWIJS_TOKEN DATAWIJS_CITIZEN_TOKEN
  [ -n "$DATAWIJS_TOKEN" ] || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }
  # The Development demo (upload and clustering of 1,000 synthetic households) publishes the profile set.
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/api/v1/public/demo/profiles" >/dev/null && break
    sleep 1
  done
}

stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }

mib() { awk -v key="$1:" '$1 == key {printf "%.0f", $2 / 1024}' "/proc/$server/status"; }
rss() { echo "$(mib VmRSS) MiB"; }
peak_rss() { echo "$(mib VmHWM) MiB"; }

# api METHOD PATH [BODY]: a JSON call with the demo token; prints the body, fails on a non-2xx.
api() {
  curl -sf -X "$1" "http://127.0.0.1:$port$2" -H "Authorization: Bearer $DATAWIJS_TOKEN" \
    -H 'X-Audit-Toelichting: Belastingtest met synthetische gegevens' ${3:+-H 'Content-Type: application/json' --data "$3"}
}

# measure NAME SCRIPT CONNECTIONS SECONDS: one wrk run; prints "name requests/s p99 errors".
# With WARMUP=n (seconds) the endpoint is first driven for n seconds unmeasured, so that .NET's tiered
# JIT has optimised the code path (a cold path runs at about half speed for the first 10-15 s).
measure() {
  local out="$work/$1.txt"
  if [ "${WARMUP:-0}" -gt 0 ]; then
    wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"${WARMUP}s" -s "tests/load/$2" "http://127.0.0.1:$port" >/dev/null
  fi
  wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"$4s" --latency -s "tests/load/$2" "http://127.0.0.1:$port" >"$out"
  echo "$1 $(awk '/Requests\/sec/ {print $2}' "$out") $(awk '$1 == "99%" {print $2}' "$out") $(awk -F= '/non2xx_or_errors/ {print $2}' "$out")"
}

# report BASE_LINE LINE...: a table with each line's requests/s as a ratio to the first.
report() {
  printf '%-14s %12s %10s %8s %8s\n' endpoint requests/s p99 errors ratio
  local base_rps
  base_rps=$(echo "$1" | awk '{print $2}')
  for line in "$@"; do
    set -- $line
    printf '%-14s %12s %10s %8s %8.3f\n' "$1" "$2" "$3" "$4" "$(echo "$2 / $base_rps" | bc -l)"
  done
}
