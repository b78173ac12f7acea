#!/usr/bin/env bash
# Upload throughput and memory of POST /api/v1/datasets/{id}/records (issue 4): the Release build on
# SQLite, a synthetic food-bank CSV (7 categorical + 3 numeric features, ~2 % missing cells, subject ids
# "hh-<n>": synthetic, no real identifier) streamed with curl on loopback.
#   bash tests/load/upload.sh [rows...]        (default: 200000 1000000)
# For each size a fresh server with a fresh database is started, so that VmHWM (the peak resident set
# of the server process) belongs to that size alone. The server first takes a warm-up upload of 200,000
# rows into another dataset (the first upload of a process runs partly as tier-0 code, at about half
# the speed; a long-running server has long compiled it), the same for every size, then the measured one.
# Prints per size: rows/s of the whole request (upload, check, pseudonymise, insert, quality report,
# commit), the server's CPU seconds for it, RSS before it and the peak (VmHWM) before and after it.
# Same-run baseline: "transfer" is the same body POSTed the same way (curl -T streams the file) to a
# no-op HTTP sink (python3, reads the body and answers 204): the cost of moving the bytes on loopback.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(200000 1000000)
DATAWIJS_LOAD_PORT=${DATAWIJS_LOAD_PORT:-5199}
source tests/load/server.sh
trap 'for p in "${server:-}" "${sink:-}"; do if [ -n "$p" ]; then kill "$p" 2>/dev/null || true; fi; done; rm -rf "$work"' EXIT

if command -v python3 >/dev/null 2>&1; then
  python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        left = int(self.headers["Content-Length"])
        while left > 0:
            left -= len(self.rfile.read(min(left, 1 << 20)))
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Sink)
open(sys.argv[1], "w").write(str(server.server_address[1]))
server.serve_forever()
' "$work/sink.port" &
  sink=$!
  for _ in $(seq 1 50); do [ -s "$work/sink.port" ] && break; sleep 0.1; done
  sink_port=$(cat "$work/sink.port")
fi

generate() { # rows file
  awk -v rows="$1" 'BEGIN {
    srand(20240501);
    split("none unemployment socialAssistance disability", benefit, " ");
    split("low middle high", education, " ");
    split("owner rent rentWithAllowance", housing, " ");
    split("couple single singleParent", household, " ");
    split("no yes", yesno, " ");
    split("dutch western nonWestern", migration, " ");
    print "subjectId,benefitType,disposableIncome,education,housing,householdType,children,youthCare,wmoSupport,age,migrationBackground";
    for (i = 1; i <= rows; i++) {
      printf "hh-%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i,
        pick(benefit, 4), num(12000 + 10 * int(rand() * 1300)), pick(education, 3), pick(housing, 3),
        pick(household, 3), num(int(rand() * 5)), pick(yesno, 2), pick(yesno, 2), num(18 + int(rand() * 78)), pick(migration, 3);
    }
  }
  function pick(values, n) { return rand() < 0.02 ? "" : values[1 + int(rand() * n)] }
  function num(x) { return rand() < 0.02 ? "" : x }' >"$2"
}

cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$server/stat"; }

create_dataset() {
  curl -sf -X POST "http://127.0.0.1:$port/api/v1/datasets" -H "Authorization: Bearer $DATAWIJS_TOKEN" -H 'Content-Type: application/json' -d '{
    "name": "Belastingtest upload", "purpose": "Measure upload throughput with synthetic households.", "retentionUntil": "2099-12-31", "subjectIdKind": "other",
    "features": [
      { "name": "benefitType", "type": "categorical", "values": ["none", "unemployment", "socialAssistance", "disability"], "role": "clustering", "mutable": true },
      { "name": "disposableIncome", "type": "numeric", "min": 0, "max": 200000, "role": "clustering", "mutable": true },
      { "name": "education", "type": "categorical", "values": ["low", "middle", "high"], "role": "clustering", "mutable": false },
      { "name": "housing", "type": "categorical", "values": ["owner", "rent", "rentWithAllowance"], "role": "clustering", "mutable": true },
      { "name": "householdType", "type": "categorical", "values": ["couple", "single", "singleParent"], "role": "clustering", "mutable": false },
      { "name": "children", "type": "numeric", "min": 0, "max": 15, "role": "clustering", "mutable": false },
      { "name": "youthCare", "type": "categorical", "values": ["no", "yes"], "role": "clustering", "mutable": true },
      { "name": "wmoSupport", "type": "categorical", "values": ["no", "yes"], "role": "clustering", "mutable": true },
      { "name": "age", "type": "numeric", "min": 18, "max": 110, "role": "clustering", "mutable": false },
      { "name": "migrationBackground", "type": "categorical", "values": ["dutch", "western", "nonWestern"], "role": "protected", "mutable": false }
    ] }' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}

post() { # url file -> "status seconds"
  curl -s -o "$work/response.json" -w '%{http_code} %{time_total} %{size_upload}\n' -X POST -T "$2" "$1" \
    -H "Authorization: Bearer $DATAWIJS_TOKEN" -H 'Content-Type: text/csv' -H 'Expect:'
}

generate 200000 "$work/warmup.csv"
printf '%-9s %10s %11s %9s %8s %10s %8s %12s %10s %10s %10s %8s\n' rows bytes transfer_s warmup_s upload_s rows/s cpu_s rows/cpu_s rss_before hwm_before peak_rss db_size
for rows in "${sizes[@]}"; do
  generate "$rows" "$work/upload.csv"
  start_server
  read -r _ warmup _ < <(post "http://127.0.0.1:$port/api/v1/datasets/$(create_dataset)/records" "$work/warmup.csv")
  dataset=$(create_dataset)
  transfer=-
  [ -n "${sink_port:-}" ] && read -r _ transfer _ < <(post "http://127.0.0.1:$sink_port/" "$work/upload.csv")
  before=$(mib VmRSS); hwm_before=$(mib VmHWM); cpu_before=$(cpu_seconds)
  read -r status seconds _ < <(post "http://127.0.0.1:$port/api/v1/datasets/$dataset/records" "$work/upload.csv")
  peak=$(mib VmHWM); cpu=$(echo "$(cpu_seconds) - $cpu_before" | bc -l)
  if [ "$status" != 200 ]; then
    echo "upload of $rows rows answered $status:" >&2
    head -c 2000 "$work/response.json" >&2
    exit 1
  fi
  grep -q "\"recordCount\":$rows" "$work/response.json" || { echo "record count is not $rows" >&2; exit 1; }
  printf '%-9s %10s %11s %9.2f %8.2f %10.0f %8.2f %12.0f %10s %10s %10s %8s\n' "$rows" "$(stat -c %s "$work/upload.csv")" "$transfer" "$warmup" "$seconds" \
    "$(echo "$rows / $seconds" | bc -l)" "$cpu" "$(echo "$rows / $cpu" | bc -l)" "${before}MiB" "${hwm_before}MiB" "${peak}MiB" "$(du -m "$work/load.db" | cut -f1)MiB"
  stop_server
done
