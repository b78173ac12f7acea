#!/usr/bin/env bash
# Clustering end to end against scikit-learn in the same run (issue 19): the Release build on SQLite.
#   bash tests/load/clustering.sh [rows=200000] [rounds=3]
# 1. Generates synthetic households in five planted groups (households.sh) and uploads them as CSV.
# 2. Per round: POST /api/v1/datasets/{id}/clusterings {k: 6, restarts: 3} and polls GET
#    /api/v1/clusterings/{id} every 20 ms until it has succeeded: the time from POST to `succeeded`,
#    which counts loading the records from the database, the fit, the profile description and storing
#    the result (the server's own split: loadMilliseconds, fitMilliseconds, describeMilliseconds).
# 3. Per round, in between: scikit-learn's KMeans(n_clusters=6, n_init=3).fit on the same rows one-hot
#    encoded (Debian's python3-sklearn, /usr/bin/python3; sklearn_kmeans.py), fit time only.
# Prints every round and the median ratio API / scikit-learn (the goal: at most 0.75), with the load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-200000}
rounds=${2:-3}
DATAWIJS_LOAD_PORT=${DATAWIJS_LOAD_PORT:-5197}
source tests/load/server.sh
source tests/load/households.sh
python=${PYTHON:-/usr/bin/python3}
"$python" -c 'import sklearn' 2>/dev/null || { echo "scikit-learn is missing: apt-get install python3-sklearn" >&2; exit 1; }

generate_households "$rows" "$work/households.csv"
start_server
dataset=$(api POST /api/v1/datasets "$(dataset_json)" | jq -r .id)
curl -sf -o /dev/null -X POST -T "$work/households.csv" "http://127.0.0.1:$port/api/v1/datasets/$dataset/records" \
  -H "Authorization: Bearer $DATAWIJS_TOKEN" -H 'Content-Type: text/csv' -H 'Expect:'

cluster() { # -> "seconds load_ms fit_ms describe_ms"
  # Timed with bash's own clock, and nothing but curl inside the timed span (a jq or date process per
  # poll added 30-60 ms of the script's own to each clustering); the body is parsed after the clock stops.
  local started ended id body
  started=$EPOCHREALTIME
  body=$(api POST "/api/v1/datasets/$dataset/clusterings" '{"k":6,"restarts":3,"seed":20240501}')
  [[ $body =~ \"id\":\"([0-9a-f-]+)\" ]] || { echo "no clustering id in: $body" >&2; exit 1; }
  id=${BASH_REMATCH[1]}
  while true; do
    body=$(api GET "/api/v1/clusterings/$id")
    case "$body" in
      *'"status":"succeeded"'*) ended=$EPOCHREALTIME; break ;;
      *'"status":"failed"'*|*'"status":"cancelled"'*) echo "clustering did not succeed: $body" >&2; exit 1 ;;
    esac
    sleep 0.02
  done
  echo "$(echo "$ended - $started" | bc -l) $(jq -r '[.timings.loadMilliseconds, .timings.fitMilliseconds, .timings.describeMilliseconds] | join(" ")' <<<"$body")"
}

# One unmeasured clustering first: a long-running server has its code paths compiled (tiered JIT).
cluster >/dev/null
printf '%-6s %9s %8s %8s %11s %10s %7s\n' round api_s load_ms fit_ms describe_ms sklearn_s ratio
ratios=()
for round in $(seq 1 "$rounds"); do
  read -r seconds load fit describe < <(cluster)
  sk=$("$python" tests/load/sklearn_kmeans.py "$work/households.csv" 6 3 | sed 's/seconds=\([0-9.]*\).*/\1/')
  ratio=$(echo "$seconds / $sk" | bc -l)
  ratios+=("$ratio")
  printf '%-6s %9.3f %8s %8s %11s %10.3f %7.3f\n' "$round" "$seconds" "$load" "$fit" "$describe" "$sk" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
printf 'rows=%s median ratio api/sklearn=%.3f (goal <= 0.75) peak_rss=%s load average: %s\n' "$rows" "$median" "$(peak_rss)" "$(cut -d' ' -f1-3 /proc/loadavg)"
