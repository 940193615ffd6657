#!/usr/bin/env bash
# Measures the read endpoints over HTTP with wrk against the real Host (Release, SQLite) at 10,000 and at 1,000,000
# synthetic commitments, beside a bare Kestrel ceiling serving the same first page in the same run, and writes
# docs/benchmarks-http.md. Not a test: nothing here asserts a time.
#
#   bench/http-bench.sh [seconds-per-endpoint] [connections]
#
# Databases: /tmp/commitment-tracker-bench-10k.db and -1m.db, generated when missing (the 1 M one takes about
# 6 CPU-minutes). Every server it starts is stopped by its PID when it exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-32}
PORT=5099
CEILING_PORT=5098
REPORT=docs/benchmarks-http.md
WORK=$(mktemp -d -t http-bench.XXXXXX)

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
dotnet build src/CommitmentTracker.Host -c Release -v quiet -nologo >/dev/null
dotnet build bench/CommitmentTracker.Ceiling -c Release -v quiet -nologo >/dev/null
HOST_DLL=src/CommitmentTracker.Host/bin/Release/net10.0/CommitmentTracker.Host.dll
CEILING_DLL=bench/CommitmentTracker.Ceiling/bin/Release/net10.0/CommitmentTracker.Ceiling.dll

export Logging__LogLevel__Default=Warning
# Every read needs a credential: the bench signs in as the first administrator and issues itself a read key.
export Bootstrap__AdminPassword="${Bootstrap__AdminPassword:-benchmark administrator passphrase}"

HOST_PID=""
CEILING_PID=""
stop_servers() {
  for pid in $HOST_PID $CEILING_PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  HOST_PID=""; CEILING_PID=""
}
trap 'stop_servers; rm -rf "$WORK"' EXIT

# wrk at $CONNECTIONS connections: "req/s p99" (p99 in ms), or "0 -" when nothing finished.
load() {
  local out rps p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s --latency "$@")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers in load run for $*" >&2; exit 1; fi
  echo "${rps:-0} ${p99:--}"
}

measure() { # size-label commitments meetings
  local label=$1 count=$2 meetings=$3 db=/tmp/commitment-tracker-bench-$1.db
  export ConnectionStrings__CommitmentTracker="Data Source=$db"
  if [[ ! -f "$db" ]]; then
    echo "Generating $count synthetic commitments into $db ..."
    dotnet "$HOST_DLL" generate-synthetic --commitments "$count" --meetings "$meetings" --seed 42 --environment Production | tee "$WORK/generate-$label.txt"
  fi
  dotnet "$HOST_DLL" --urls "http://127.0.0.1:$PORT" --environment Production > "$WORK/host-$label.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done

  local jar token key
  jar="$WORK/jar"
  token=$(curl -sf -c "$jar" "http://127.0.0.1:$PORT/account/sign-in" | grep -o 'RequestVerificationToken" value="[^"]*' | cut -d'"' -f3)
  curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" -d UserName=admin \
    --data-urlencode "Password=$Bootstrap__AdminPassword" "http://127.0.0.1:$PORT/account/sign-in"
  key=$(curl -sf -b "$jar" -X POST "http://127.0.0.1:$PORT/api/v1/api-keys" -H 'Content-Type: application/json' -H 'X-CSRF: 1' \
    -d '{"name":"http-bench '"$(date +%s%N)"'","scopes":["read"]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
  local auth=(-H "X-Api-Key: $key")
  local base="http://127.0.0.1:$PORT"
  local rows
  rows=$(curl -sf "${auth[@]}" "$base/api/v1/summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  # A deep page: the cursor the -due sort gives after 2,000 pages of 25 (or the middle of a small database).
  local deep
  deep=$(python3 - "$base" "$key" <<'PY'
import json, sys, urllib.request
base, key = sys.argv[1], sys.argv[2]
after, pages = None, 0
# Follow next cursors with 200-row pages until 50,000 rows (page 2,000 of 25) or the end.
while pages < 250:
    url = f"{base}/api/v1/commitments?sort=-due&pageSize=200" + (f"&after={after}" if after else "")
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"X-Api-Key": key})))
    if not page["next"]:
        break
    after, pages = page["next"], pages + 1
print(after)
PY
)

  local endpoints=(
    "/api/v1/summary"
    "/api/v1/summary?asOf=2024-06-01"
    "/api/v1/commitments?status=Stalled&kind=Hub&pageSize=25"
    "/api/v1/commitments?party=SYN-P07&pageSize=25"
    "/api/v1/commitments?meeting=SYN-000050&pageSize=25"
    "/api/v1/commitments?overdue=true&pageSize=25"
    "/api/v1/commitments?dueFrom=2025-01-01&dueTo=2025-03-31&pageSize=25"
    "/api/v1/commitments?q=tram&pageSize=25"
    "/api/v1/commitments?sort=-due&pageSize=25&after=$deep"
    "/api/v1/overdue?pageSize=25"
    "/api/v1/changes?limit=100"
    "/api/v1/commitments?pageSize=50"
    "/api/v1/commitments/NSK-2023-009"
  )

  # The ceiling serves the app's own first page of 50, byte for byte.
  curl -sf "${auth[@]}" -o "$WORK/page.json" "$base/api/v1/commitments?pageSize=50"
  dotnet "$CEILING_DLL" --urls "http://127.0.0.1:$CEILING_PORT" --page "$WORK/page.json" > "$WORK/ceiling.log" 2>&1 &
  CEILING_PID=$!
  for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$CEILING_PORT/" && break; sleep 1; done
  local ceiling
  ceiling=$(load "http://127.0.0.1:$CEILING_PORT/" | cut -d' ' -f1)
  kill "$CEILING_PID"; wait "$CEILING_PID" 2>/dev/null || true; CEILING_PID=""
  echo "$label: $rows commitments; ceiling $ceiling req/s ($(stat -c %s "$WORK/page.json") bytes)"
  echo "$label ceiling $ceiling $rows $(stat -c %s "$WORK/page.json") $(du -m "$db" | cut -f1)" >> "$WORK/ceilings"

  local path alone rps p99
  for path in "${endpoints[@]}"; do
    curl -sf "${auth[@]}" -o /dev/null "$base$path"   # warm up; fails the script on an error status
    alone=$(for _ in 1 2 3; do curl -sf "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$base$path"; done | sort -n | sed -n 2p | awk '{printf "%.1f", $1 * 1000}')
    read -r rps p99 < <(load -H "X-Api-Key: $key" "$base$path")
    echo "$label	$path	$alone	$rps	$p99	$ceiling" >> "$WORK/results"
    echo "$label $path: alone $alone ms; $rps req/s, p99 $p99 ms"
  done
  stop_servers
}

measure 10k 10000 100
measure 1m 1000000 10000

python3 - "$WORK" "$REPORT" "$SECONDS_EACH" "$CONNECTIONS" "$(nproc)" "$(uptime | sed 's/.*load average: //')" <<'PY'
import sys, datetime, re
work, report, seconds, connections, cores, load = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(f"{work}/results")]
ceil = {l.split()[0]: l.split() for l in open(f"{work}/ceilings")}
def short(path):
    return re.sub(r"after=[^&]+", "after=…", path)
by = {}
for label, path, alone, rps, p99, ceiling in rows:
    by.setdefault(short(path), {})[label] = (float(alone), float(rps), p99, float(ceiling))
out = []
out.append("# HTTP read benchmarks\n")
out.append(f"Measured {datetime.date.today()} with `bench/http-bench.sh {seconds} {connections}`: wrk, 2 threads, {connections} connections, "
           f"{seconds} s per endpoint, Release build, SQLite (WAL), on a {cores}-core machine **shared with other work** "
           f"(load average at the end: {load}). Every request carries a read-scoped API key. \"Alone\" is the median of three "
           "single requests (curl, wall clock). \"Share\" is requests/s divided by the ceiling's: bare Kestrel serving the app's own "
           "first page of 50 (same bytes, no authentication, no database) measured in the same run, so a shared machine moves "
           "both alike. Absolute figures on a shared machine vary from run to run; the shares are what to compare.\n")
for label in ("10k", "1m"):
    c = ceil[label]
    out.append(f"- **{label}**: {int(c[3]):,} commitments, database {int(c[5]):,} MB; ceiling {float(c[2]):,.0f} req/s for {int(c[4]):,} bytes.")
out.append("")
out.append("| endpoint | alone 10k | alone 1 M | 1 M ÷ 10 k | req/s 10k | req/s 1 M | p99 1 M | share of ceiling 1 M |")
out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for path, m in by.items():
    a10, r10, _, c10 = m.get("10k", (0, 0, "-", 1))
    a1m, r1m, p1m, c1m = m.get("1m", (0, 0, "-", 1))
    ratio = f"{a1m / a10:.1f}×" if a10 else "–"
    out.append(f"| `{path}` | {a10:.1f} ms | {a1m:.1f} ms | {ratio} | {r10:,.0f} | {r1m:,.0f} | {p1m} ms | {r1m / c1m:.3f} |")
out.append("")
open(report, "w").write("\n".join(out) + "\n")
PY
cat "$WORK"/generate-*.txt 2>/dev/null || true
echo "Report: $REPORT"
