#!/usr/bin/env bash
# Mixed load (issue 6): the Release build on SQLite, wrk on loopback only.
#   bash tests/load/mixed.sh [connections=64] [seconds=60] [seconds_per_endpoint=10]   (WARMUP=10 s per endpoint first)
# 1. Set-up through the API: a completed maturity scan (stored score) and a dataset to upload into;
#    citizen explanations use the printed Development citizen token.
# 2. Each endpoint alone at the full connection count (uploads: at their share of the mix), next to
#    GET /health/live in the same run:
#    requests/s, p99, errors and the ratio to /health/live (the goals: score read >= 0.5,
#    assignment >= 0.25 with p99 <= 25 ms).
# 3. The mix for [seconds] at [connections] in all: score reads 3/8, assignments 3/8, citizen
#    explanations 3/16, uploads of 100 rows 1/16 of the connections, at the same time. Zero errors
#    expected; RSS at start and end, the peak, and every 10 s in between.
# Exits non-zero when any request failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-64}
seconds=${2:-60}
alone=${3:-10}
source tests/load/server.sh
export WARMUP=${WARMUP:-10}
start_server

organisation=$(api POST /api/v1/organisations '{"name":"Gemeente Belastingtest","kind":"municipality","inhabitants":48000,"region":"Gelderland"}' | jq -r .id)
scan=$(api POST "/api/v1/organisations/$organisation/scans" '{"modelId":"dmm-quick-v1"}' | jq -r .id)
for respondent in 1 2 3; do
  answers=$(for q in lead-1 cult-1 sec-1 qual-1 proc-1 lit-1 tech-1; do printf '{"questionId":"%s","value":%d},' "$q" $(( (RANDOM % 5) + 1 )); done)
  api PUT "/api/v1/scans/$scan/responses/respondent-$respondent" "{\"answers\":[${answers%,}]}" >/dev/null
done
api POST "/api/v1/scans/$scan/completion" >/dev/null
export DATAWIJS_SCAN_ID=$scan
# Citizen explanations are read with the demo citizen's token (the subject comes from the token).
DATAWIJS_DATASET_ID=$(api POST /api/v1/datasets '{"name":"Belastingtest","purpose":"Load test with synthetic households.","retentionUntil":"2030-12-31","subjectIdKind":"other","features":[
  {"name":"benefitType","type":"categorical","values":["none","unemployment","socialAssistance","disability"],"role":"clustering","mutable":true},
  {"name":"householdType","type":"categorical","values":["couple","single","singleParent"],"role":"clustering","mutable":false},
  {"name":"age","type":"numeric","min":18,"max":110,"role":"clustering","mutable":false},
  {"name":"migrationBackground","type":"categorical","values":["dutch","western","nonWestern"],"role":"protected","mutable":false}]}' | jq -r .id)
export DATAWIJS_DATASET_ID

echo "== each endpoint alone: $connections connections, ${alone}s each"
share() { echo $(( connections * $1 / 16 > 0 ? connections * $1 / 16 : 1 )); }
lines=()
for pair in health:health.lua score:score.lua assignments:assignment.lua explanation:explanation.lua; do
  lines+=("$(measure "${pair%%:*}" "${pair#*:}" "$connections" "$alone")")
done
# Uploads into one dataset take turns (each counts the stored records into the quality report), so
# they run at the connections they have in the mix, as a research script would send batches.
lines+=("$(measure upload upload.lua "$(share 1)" "$alone")")
report "${lines[@]}"

echo "== mixed: $connections connections for ${seconds}s"
export WARMUP=0
start_rss=$(rss)
# RSS every 10 s during the mix, to see whether memory levels off or keeps growing.
(while kill -0 "$server" 2>/dev/null; do sleep 10; echo -n "$(mib VmRSS) "; done) >"$work/rss" 2>/dev/null & sampler=$!
measure mix-score score.lua "$(share 6)" "$seconds" >"$work/m1" & mix=($!)
measure mix-assign assignment.lua "$(share 6)" "$seconds" >"$work/m2" & mix+=($!)
measure mix-explain explanation.lua "$(share 3)" "$seconds" >"$work/m3" & mix+=($!)
measure mix-upload upload.lua "$(share 1)" "$seconds" >"$work/m4" & mix+=($!)
wait "${mix[@]}"
kill "$sampler" 2>/dev/null || true
printf '%-14s %12s %10s %8s\n' endpoint requests/s p99 errors
errors=0
for f in m1 m2 m3 m4; do
  set -- $(cat "$work/$f")
  printf '%-14s %12s %10s %8s\n' "$1" "$2" "$3" "$4"
  errors=$(( errors + $4 ))
done
for line in "${lines[@]}"; do set -- $line; errors=$(( errors + $4 )); done
echo "rss_start=$start_rss rss_end=$(rss) peak=$(peak_rss) errors=$errors"
echo "rss every 10 s during the mix (MiB): $(cat "$work/rss")"
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && echo "ready after the run: yes"
[ "$errors" -eq 0 ]
