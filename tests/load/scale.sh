#!/usr/bin/env bash
# National scale on one small machine (issue 19): upload plus clustering (k = 6, 3 restarts) of 1, 2
# and 4 million synthetic households, the Release build on SQLite.
#   bash tests/load/scale.sh [rows...]        (default: 1000000 2000000 4000000)
# Per size a fresh server and database, so the peak resident set (VmHWM) belongs to that size alone:
# the time of the CSV upload (POST .../records, until the answer), the time of the clustering (POST
# .../clusterings until GET says `succeeded`, polled every 50 ms), their sum (the goal at 4 million:
# at most 30 s) and the API's peak RSS after the upload and after the clustering (the goal: at most
# 400 MiB). Then how time and memory grow from the smallest size to each larger one.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 2000000 4000000)
DATAWIJS_LOAD_PORT=${DATAWIJS_LOAD_PORT:-5196}
source tests/load/server.sh
source tests/load/households.sh

now() { date +%s.%N; }
results=()
printf '%-9s %9s %9s %10s %8s %8s %8s %12s %12s\n' rows upload_s cluster_s together_s load_ms fit_ms desc_ms hwm_upload hwm_cluster
for rows in "${sizes[@]}"; do
  generate_households "$rows" "$work/households.csv"
  start_server
  dataset=$(api POST /api/v1/datasets "$(dataset_json)" | jq -r .id)
  started=$(now)
  status=$(curl -s -o "$work/upload.json" -w '%{http_code}' -X POST -T "$work/households.csv" \
    "http://127.0.0.1:$port/api/v1/datasets/$dataset/records" -H "Authorization: Bearer $DATAWIJS_TOKEN" -H 'Content-Type: text/csv' -H 'Expect:')
  upload=$(echo "$(now) - $started" | bc -l)
  [ "$status" = 200 ] || { echo "upload of $rows rows answered $status:" >&2; head -c 2000 "$work/upload.json" >&2; exit 1; }
  hwm_upload=$(mib VmHWM)
  started=$(now)
  id=$(api POST "/api/v1/datasets/$dataset/clusterings" '{"k":6,"restarts":3,"seed":20240501}' | jq -r .id)
  while true; do
    body=$(api GET "/api/v1/clusterings/$id")
    case "$(jq -r .status <<<"$body")" in
      succeeded) break ;;
      failed|cancelled) echo "clustering of $rows rows: $body" >&2; exit 1 ;;
    esac
    sleep 0.05
  done
  cluster=$(echo "$(now) - $started" | bc -l)
  hwm_cluster=$(mib VmHWM)
  read -r load fit describe < <(jq -r '[.timings.loadMilliseconds, .timings.fitMilliseconds, .timings.describeMilliseconds] | join(" ")' <<<"$body")
  printf '%-9s %9.2f %9.2f %10.2f %8s %8s %8s %9s MiB %9s MiB\n' "$rows" "$upload" "$cluster" "$(echo "$upload + $cluster" | bc -l)" "$load" "$fit" "$describe" "$hwm_upload" "$hwm_cluster"
  results+=("$rows $upload $cluster $hwm_cluster")
  stop_server
  rm -f "$work/households.csv"
done
if [ ${#results[@]} -gt 1 ]; then
  read -r rows0 upload0 cluster0 hwm0 <<<"${results[0]}"
  echo "growth from $rows0 rows (rows x, upload time x, clustering time x, peak RSS x):"
  for line in "${results[@]:1}"; do
    read -r rows upload cluster hwm <<<"$line"
    printf '  %-9s rows %.1fx  upload %.2fx  clustering %.2fx  peak RSS %.2fx\n' "$rows" "$(echo "$rows / $rows0" | bc -l)" \
      "$(echo "$upload / $upload0" | bc -l)" "$(echo "$cluster / $cluster0" | bc -l)" "$(echo "$hwm / $hwm0" | bc -l)"
  done
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
