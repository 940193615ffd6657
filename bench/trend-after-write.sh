#!/usr/bin/env bash
# usage: bench/trend-after-write.sh DB PORT (an absolute path to a copy of a bench database: it appends one status entry): first trend read, a kept read, a write, the first read after it
DB=$1; PORT=$2
cd "$(dirname "$0")/../src/CommitmentTracker.Host"
Database__Provider=Sqlite ConnectionStrings__CommitmentTracker="Data Source=$DB" Bootstrap__AdminPassword='benchmark administrator passphrase' Logging__LogLevel__Default=Warning \
  dotnet bin/Release/net10.0/CommitmentTracker.Host.dll --urls http://127.0.0.1:$PORT --environment Production > "${TMPDIR:-/tmp}/trend-host.log" 2>&1 &
PID=$!
for i in $(seq 1 600); do curl -sf http://127.0.0.1:$PORT/health/ready > /dev/null && break; sleep 1; done
J="${TMPDIR:-/tmp}/trend-jar"; rm -f $J
T=$(curl -sf -c $J http://127.0.0.1:$PORT/account/sign-in | grep -o 'RequestVerificationToken" value="[^"]*' | cut -d'"' -f3)
curl -sf -b $J -c $J -o /dev/null --data-urlencode "__RequestVerificationToken=$T" -d UserName=admin --data-urlencode "Password=benchmark administrator passphrase" http://127.0.0.1:$PORT/account/sign-in
t() { curl -s -b $J -o "${TMPDIR:-/tmp}/trend-out.json" -w "$1 %{http_code} %{time_total}s\n" "http://127.0.0.1:$PORT$2"; }
t "trend first" /api/v1/summary/trend
t "trend kept " /api/v1/summary/trend
CODE=$(curl -s -b $J "http://127.0.0.1:$PORT/api/v1/commitments?pageSize=1&status=InProgress" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["code"])')
curl -s -b $J -H 'X-CSRF: 1' -H 'Content-Type: application/json' -o /dev/null -w "write %{http_code} %{time_total}s\n" -X POST "http://127.0.0.1:$PORT/api/v1/commitments/$CODE/status-history" -d '{"status":"Stalled","rationale":"trend timing"}'
t "trend after write" /api/v1/summary/trend
t "trend after write again" /api/v1/summary/trend
head -c 300 "${TMPDIR:-/tmp}/trend-out.json"; echo
kill $PID; wait $PID 2>/dev/null
