#!/usr/bin/env bash
# Measures the read endpoints over HTTP with wrk against the real Host on a SQLite database, and writes the
# figures to docs/benchmarks-http.md. Not a test: nothing here asserts a time.
#
#   bench/http-bench.sh [database-file] [seconds-per-endpoint]
#
# Without a database file it generates 1,000,000 synthetic commitments first (about 5 minutes, 2.2 GB).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DB=${1:-/tmp/commitment-tracker-bench.db}
SECONDS_EACH=${2:-15}
PORT=5099
REPORT=docs/benchmarks-http.md

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
dotnet build src/CommitmentTracker.Host -c Release -v quiet -nologo >/dev/null

export ConnectionStrings__CommitmentTracker="Data Source=$DB"
export Logging__LogLevel__Default=Warning
# Every read needs a credential: the bench signs in as the first administrator and issues itself a read key.
export Bootstrap__AdminPassword="${Bootstrap__AdminPassword:-benchmark administrator passphrase}"
HOST_DLL=src/CommitmentTracker.Host/bin/Release/net10.0/CommitmentTracker.Host.dll
if [[ ! -f "$DB" ]]; then
  echo "Generating 1,000,000 synthetic commitments into $DB ..."
  dotnet "$HOST_DLL" generate-synthetic --commitments 1000000 --meetings 10000 --seed 42
fi

dotnet "$HOST_DLL" --urls "http://127.0.0.1:$PORT" --environment Production &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true; wait $HOST_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done

JAR=$(mktemp)
TOKEN=$(curl -sf -c "$JAR" "http://127.0.0.1:$PORT/account/sign-in" | grep -o 'RequestVerificationToken" value="[^"]*' | cut -d'"' -f3)
curl -sf -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "__RequestVerificationToken=$TOKEN" -d UserName=admin \
  --data-urlencode "Password=$Bootstrap__AdminPassword" "http://127.0.0.1:$PORT/account/sign-in"
KEY=$(curl -sf -b "$JAR" -X POST "http://127.0.0.1:$PORT/api/v1/api-keys" -H 'Content-Type: application/json' \
  -d '{"name":"http-bench '"$(date +%s)"'","scopes":["read"]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
rm -f "$JAR"
AUTH=(-H "X-Api-Key: $KEY")

ROWS=$(curl -sf "${AUTH[@]}" "http://127.0.0.1:$PORT/api/v1/commitments?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalCount"])')
CHANGES_MIDDLE=$(curl -sf "${AUTH[@]}" "http://127.0.0.1:$PORT/api/v1/changes?limit=1000" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"])')
ENDPOINTS=(
  "/api/v1/commitments/NSK-2023-009"
  "/api/v1/commitments?pageSize=25"
  "/api/v1/commitments?pageSize=25&page=2000&sort=-due"
  "/api/v1/commitments?status=Stalled&kind=Hub&pageSize=25"
  "/api/v1/commitments?party=SYN-P07&pageSize=25"
  "/api/v1/commitments?q=tram&pageSize=25"
  "/api/v1/overdue?pageSize=25"
  "/api/v1/summary"
  "/api/v1/summary?asOf=2024-06-01"
  "/api/v1/changes?limit=100"
  "/api/v1/changes?after=$CHANGES_MIDDLE&limit=1000"
)

{
  echo "# HTTP read benchmarks"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with \`bench/http-bench.sh\`: wrk, 2 threads, 4 connections, 30 s timeout, ${SECONDS_EACH} s per endpoint,"
  echo "Release build, SQLite (WAL) with **${ROWS} commitments**, on a $(nproc)-core machine. Latency is wall-clock per request."
  echo "Every request carries a read-scoped API key (X-Api-Key), so key authentication and the authorization check are included."
  echo
  echo "| endpoint | one request alone (median of 3) | requests/s under load | mean latency under load | p99 under load |"
  echo "| --- | ---: | ---: | ---: | ---: |"
} > "$REPORT"

for path in "${ENDPOINTS[@]}"; do
  curl -sf "${AUTH[@]}" -o /dev/null "http://127.0.0.1:$PORT$path"   # warm up; fails the script on an error status
  alone=$(for _ in 1 2 3; do curl -sf "${AUTH[@]}" -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$PORT$path"; done | sort -n | sed -n 2p | awk '{printf "%.0f ms", $1 * 1000}')
  out=$(wrk -t2 -c4 -d"${SECONDS_EACH}s" --timeout 30s --latency -H "X-Api-Key: $KEY" "http://127.0.0.1:$PORT$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  mean=$(awk '$1=="Latency" {print $2; exit}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  [[ "$rps" == "0.00" ]] && { rps="none finished"; mean="–"; p99="–"; }
  echo "| \`$path\` | $alone | $rps | $mean | $p99 |${errors:+ $errors}" >> "$REPORT"
  echo "$path: alone $alone; $rps req/s, mean $mean, p99 $p99"
done
echo "Report: $REPORT"
