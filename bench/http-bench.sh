#!/usr/bin/env bash
# Measures the read endpoints over HTTP with wrk against the real Host (Release) at 10,000 and at 1,000,000 synthetic
# commitments, on SQLite, PostgreSQL or both in one run, beside a bare Kestrel ceiling serving the same first page in
# the same run, and writes docs/benchmarks-http.md (keeping its "## Notes" section). Not a test: nothing here asserts
# a time.
#
#   bench/http-bench.sh [--provider sqlite|postgresql|both] [--sizes "10k 1m"] [seconds-per-endpoint] [connections]
#
# SQLite databases: /tmp/commitment-tracker-bench-10k.db and -1m.db. PostgreSQL: a throw-away cluster of its own in
# /tmp/commitment-tracker-bench-pg (settings in bench/postgres-cluster.sh, decision 0032), databases ct_bench_10k
# and ct_bench_1m. Each is generated once, when missing (the 1 M one takes 6 CPU-minutes or more), and kept, so
# re-runs are cheap. Every server it starts (Host, ceiling, PostgreSQL) is stopped by its PID when it exits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PROVIDERS=sqlite
SIZES="10k 1m"
while [[ $# -gt 0 && $1 == --* ]]; do
  case $1 in
    --provider) PROVIDERS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case $PROVIDERS in
  sqlite | postgresql) ;;
  both) PROVIDERS="sqlite postgresql" ;;
  *) echo "--provider must be sqlite, postgresql or both, not '$PROVIDERS'" >&2; exit 2 ;;
esac
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-32}
# Single requests per "alone" figure (the median is reported): one curl, a new connection each, after the warm-up.
ALONE_SAMPLES=${BENCH_ALONE_SAMPLES:-9}
[[ $ALONE_SAMPLES =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_ALONE_SAMPLES must be a whole number of at least 1, not '$ALONE_SAMPLES'" >&2; exit 2; }
PORT=5099
CEILING_PORT=5098
REPORT=${BENCH_REPORT:-docs/benchmarks-http.md}
WORK=$(mktemp -d -t http-bench.XXXXXX)
PG_FOLDER=${BENCH_PG_FOLDER:-/tmp/commitment-tracker-bench-pg}

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
dotnet build src/CommitmentTracker.Host -c Release -v quiet -nologo >/dev/null
dotnet build bench/CommitmentTracker.Ceiling -c Release -v quiet -nologo >/dev/null
HOST_DLL=src/CommitmentTracker.Host/bin/Release/net10.0/CommitmentTracker.Host.dll
CEILING_DLL=bench/CommitmentTracker.Ceiling/bin/Release/net10.0/CommitmentTracker.Ceiling.dll
# shellcheck source=bench/postgres-cluster.sh
source bench/postgres-cluster.sh

export Logging__LogLevel__Default=Warning
# Every read needs a credential: the bench signs in as the first administrator and issues itself a read key.
export Bootstrap__AdminPassword="${Bootstrap__AdminPassword:-benchmark administrator passphrase}"

HOST_PID=""
CEILING_PID=""
stop_servers() {
  for pid in $HOST_PID $CEILING_PID; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  HOST_PID=""; CEILING_PID=""
}
trap 'stop_servers; pg_bench_stop; rm -rf "$WORK"' EXIT

# wrk at $CONNECTIONS connections: "req/s p99" (p99 in ms), or "0 -" when nothing finished.
load() {
  local out rps p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s --latency "$@")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers in load run for $*" >&2; exit 1; fi
  echo "${rps:-0} ${p99:--}"
}

# The median wall-clock time of ALONE_SAMPLES single requests, one after another, in milliseconds: alone URL [curl options]
alone() {
  local url=$1
  shift
  for _ in $(seq 1 "$ALONE_SAMPLES"); do curl -sf "$@" -o /dev/null -w '%{time_total}\n' "$url"; done \
    | sort -n | sed -n "$(( (ALONE_SAMPLES + 1) / 2 ))p" | awk '{printf "%.1f", $1 * 1000}'
}

measure() { # provider size-label commitments meetings
  local provider=$1 label=$2 count=$3 meetings=$4 db size
  if [[ $provider == sqlite ]]; then
    db=/tmp/commitment-tracker-bench-$label.db
    export Database__Provider=Sqlite ConnectionStrings__CommitmentTracker="Data Source=$db"
    unset Database__MigrateOnStartup
    if [[ ! -f "$db" ]]; then
      echo "Generating $count synthetic commitments into $db ..."
      dotnet "$HOST_DLL" generate-synthetic --commitments "$count" --meetings "$meetings" --seed 42 --environment Production | tee "$WORK/generate-$provider-$label.txt"
    fi
  else
    db=ct_bench_$label
    export Database__Provider=PostgreSql Database__MigrateOnStartup=true
    # BENCH_PG_OPTIONS adds connection-string settings, e.g. 'Max Auto Prepare=0' to measure without prepared statements.
    export ConnectionStrings__CommitmentTracker="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db${BENCH_PG_OPTIONS:+;$BENCH_PG_OPTIONS}"
    # The marker is written only after a complete generation: an interrupted one is dropped and made again.
    if [[ ! -f "$PG_FOLDER/generated-$label" ]]; then
      echo "Generating $count synthetic commitments into PostgreSQL database $db ..."
      PGOPTIONS=--client-min-messages=warning "$PG_BENCH_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'"
      dotnet "$HOST_DLL" generate-synthetic --commitments "$count" --meetings "$meetings" --seed 42 --environment Production | tee "$WORK/generate-$provider-$label.txt"
      # Statistics and the visibility map for the freshly loaded tables, as after any bulk load.
      "$PG_BENCH_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -c "VACUUM (ANALYZE)"
      touch "$PG_FOLDER/generated-$label"
    fi
    # And again before every run, as autovacuum would have done for a database in service: the VACUUM right after the
    # load was not always enough. In this flow a fresh database was measured with most of its pages not marked
    # all-visible (77 % of the commitments' pages at 1 M; 314 of 315 at 10 k), so index-only scans read the table too,
    # and a second VACUUM marked every page. The cause was not found (the same steps by hand marked them at once).
    # Seconds when nothing changed.
    "$PG_BENCH_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -c "VACUUM (ANALYZE)"
  fi
  dotnet "$HOST_DLL" --urls "http://127.0.0.1:$PORT" --environment Production > "$WORK/host-$label.log" 2>&1 &
  HOST_PID=$!
  local ready=""
  for _ in $(seq 1 1800); do
    if curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; then ready=1; break; fi
    kill -0 "$HOST_PID" 2>/dev/null || break
    sleep 1
  done
  if [[ -z $ready ]]; then
    # The sizes measured so far are still reported; this one is named as missing, with the reason.
    echo "$provider $label: the Host did not become ready; its log ends:" >&2
    tail -n 30 "$WORK/host-$label.log" >&2
    stop_servers
    return 0
  fi

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
    "/api/v1/summary/trend"
    "/api/v1/targets"
    "/api/v1/commitments?status=Stalled&kind=Hub&pageSize=25"
    "/api/v1/commitments?status=Captured&pageSize=25"
    "/api/v1/commitments?kind=Hub&sort=-due&pageSize=25"
    "/api/v1/commitments?party=SYN-P07&pageSize=25"
    "/api/v1/commitments?party=RU-KDA&pageSize=25"
    "/api/v1/commitments?meeting=SYN-000050&pageSize=25"
    "/api/v1/commitments?meeting=KRD-2023&sort=-due&pageSize=25"
    "/api/v1/commitments?overdue=true&pageSize=25"
    "/api/v1/commitments?overdue=true&asOf=2024-06-01&pageSize=25"
    "/api/v1/commitments?openEnded=true&pageSize=25"
    "/api/v1/commitments?dueFrom=2025-01-01&dueTo=2025-03-31&pageSize=25"
    "/api/v1/commitments?dueFrom=2025-01-01&dueTo=2025-03-31&sort=-updatedAt&pageSize=25"
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
  local ceiling ceiling_alone
  ceiling=$(load "http://127.0.0.1:$CEILING_PORT/" | cut -d' ' -f1)
  # What curl and a new connection cost by themselves: the floor under every "alone" figure of this run.
  ceiling_alone=$(alone "http://127.0.0.1:$CEILING_PORT/")
  kill "$CEILING_PID"; wait "$CEILING_PID" 2>/dev/null || true; CEILING_PID=""
  if [[ $provider == sqlite ]]; then
    size=$(du -m "$db" | cut -f1)
  else
    size=$("$PG_BENCH_BIN/psql" -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -c "SELECT pg_database_size(current_database()) / 1048576")
  fi
  echo "$provider $label: $rows commitments; ceiling $ceiling req/s ($(stat -c %s "$WORK/page.json") bytes), $ceiling_alone ms alone"
  echo "$provider $label ceiling $ceiling $rows $(stat -c %s "$WORK/page.json") $size $ceiling_alone" >> "$WORK/ceilings"

  local path alone rps p99
  for path in "${endpoints[@]}"; do
    curl -sf "${auth[@]}" -o /dev/null "$base$path"   # fails the script on an error status
    # Warm up: tiered compilation reaches its optimised code only after some calls, and a 5 s run would otherwise
    # measure part of that climb.
    wrk -t2 -c"$CONNECTIONS" -d2s "${auth[@]}" "$base$path" >/dev/null
    alone=$(alone "$base$path" "${auth[@]}")
    read -r rps p99 < <(load -H "X-Api-Key: $key" "$base$path")
    echo "$provider	$label	$path	$alone	$rps	$p99	$ceiling" >> "$WORK/results"
    echo "$provider $label $path: alone $alone ms; $rps req/s, p99 $p99 ms"
  done
  stop_servers
}

for provider in $PROVIDERS; do
  if [[ $provider == postgresql ]]; then
    PG_PORT=55491
    # Another server on the port (a developer's) would be used by mistake: take the next free one.
    while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
    pg_bench_start "$PG_FOLDER" "$PG_PORT"
    echo "PostgreSQL $("$PG_BENCH_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, PID $PG_BENCH_PID ($PG_FOLDER)"
  fi
  echo "$provider start $(uptime | sed 's/.*load average: //')" >> "$WORK/load"
  for size in $SIZES; do
    case $size in
      10k) measure "$provider" 10k 10000 100 ;;
      1m) measure "$provider" 1m 1000000 10000 ;;
      *) echo "--sizes takes 10k and/or 1m, not '$size'" >&2; exit 2 ;;
    esac
  done
  echo "$provider end $(uptime | sed 's/.*load average: //')" >> "$WORK/load"
  pg_bench_stop
done

# The settings that change what is measured are part of the command the report names.
SETTINGS="${Database__FeedHeadReuseMilliseconds:+Database__FeedHeadReuseMilliseconds=$Database__FeedHeadReuseMilliseconds }${Database__FeedHeadNotifications:+Database__FeedHeadNotifications=$Database__FeedHeadNotifications }${BENCH_PG_OPTIONS:+BENCH_PG_OPTIONS='$BENCH_PG_OPTIONS' }"
python3 - "$WORK" "$REPORT" "$SECONDS_EACH" "$CONNECTIONS" "$(nproc)" "${SETTINGS}bench/http-bench.sh --provider ${PROVIDERS// /,} --sizes '$SIZES' $SECONDS_EACH $CONNECTIONS" "$ALONE_SAMPLES" <<'PY'
import sys, datetime, re, os
work, report, seconds, connections, cores, command, alone_samples = sys.argv[1:]
command = command.replace("sqlite,postgresql", "both")
names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
rows = [l.rstrip("\n").split("\t") for l in open(f"{work}/results")]
ceil = {tuple(l.split()[:2]): l.split() for l in open(f"{work}/ceilings")}
load = [l.split(" ", 2) for l in open(f"{work}/load")]
providers = list(dict.fromkeys(r[0] for r in rows))
sizes = list(dict.fromkeys(r[1] for r in rows))
def short(path):
    return re.sub(r"after=[^&]+", "after=…", path)
by = {}
for provider, label, path, alone, rps, p99, ceiling in rows:
    by.setdefault(short(path), {})[(provider, label)] = (float(alone), float(rps), p99, float(ceiling))
out = []
out.append("# HTTP read benchmarks\n")
out.append(f"Measured {datetime.date.today()} with `{command}`: wrk, 2 threads, {connections} connections, "
           f"{seconds} s per endpoint, Release build, on a {cores}-core machine **shared with other work** "
           f"(load average, 1/5/15 min: " + "; ".join(f"{names[p]} {w} {v.strip()}" for p, w, v in load) + "). "
           + ("SQLite in WAL mode, the file on local disk. " if "sqlite" in providers else "")
           + ("PostgreSQL 15 in a cluster of the bench's own on the same machine (settings in `bench/postgres-cluster.sh`, "
              "decision 0032), reached over loopback. " if "postgresql" in providers else "")
           + ("The providers ran one after the other in the same session. " if len(providers) > 1 else "")
           + f"Every request carries a read-scoped API key. \"Alone\" is the median of {alone_samples} "
           "single requests (curl, wall clock, a new connection each), taken after the endpoint's warm-up; the ceiling's own "
           "\"alone\", the same curl against bare Kestrel, is what curl and a new connection cost by themselves, the floor under "
           "every \"alone\" of its run. \"Share\" is requests/s divided by the ceiling's: bare Kestrel serving the app's own "
           "first page of 50 (same bytes, no authentication, no database) measured in the same run, so a shared machine moves "
           "both alike. Absolute figures on a shared machine vary from run to run; the shares are what to compare.\n")
for provider in providers:
    for label in sizes:
        c = ceil.get((provider, label))
        if c:
            floor = f", {float(c[7]):.1f} ms alone" if len(c) > 7 else ""
            out.append(f"- **{names[provider]}, {label}**: {int(c[4]):,} commitments, database {int(c[6]):,} MB; ceiling {float(c[3]):,.0f} req/s for {int(c[5]):,} bytes{floor}.")
out.append("")
for label in sizes:
    out.append("## " + {"10k": "10,000", "1m": "1,000,000"}.get(label, label) + " synthetic commitments\n")
    head = "| endpoint |"
    for metric in ("alone", "req/s", "p99", "share of ceiling"):
        for provider in providers:
            head += f" {metric} {names[provider]} |"
    out.append(head)
    out.append("| --- |" + " ---: |" * (4 * len(providers)))
    for path, m in by.items():
        cells = {p: m.get((p, label)) for p in providers}
        def each(fmt):
            return "".join(f" {fmt(cells[p])} |" if cells[p] else " – |" for p in providers)
        line = f"| `{path}` |"
        line += each(lambda c: f"{c[0]:.1f} ms")
        line += each(lambda c: f"{c[1]:,.0f}")
        line += each(lambda c: f"{c[2]} ms")
        line += each(lambda c: f"{c[1] / c[3]:.3f}")
        out.append(line)
    out.append("")
# Issue 16: the cost at 1 M within 2x of the cost at 10 k, endpoint by endpoint, when both sizes ran.
if "10k" in sizes and "1m" in sizes:
    out.append("## 1,000,000 beside 10,000\n")
    out.append("How much more each endpoint costs at a million than at ten thousand, from the tables above: the time alone at 1 M "
               "divided by the time alone at 10 k, and the requests/s at 10 k divided by those at 1 M, each as a share of its own "
               "run's ceiling (so the two sizes' ceilings cancel out). Issue 16 asks for 2 or less.\n")
    head = "| endpoint |" + "".join(f" alone ×, {names[p]} |" for p in providers) + "".join(f" throughput ×, {names[p]} |" for p in providers)
    out.append(head)
    out.append("| --- |" + " ---: |" * (2 * len(providers)))
    for path, m in by.items():
        line = f"| `{path}` |"
        for p in providers:
            a, b = m.get((p, "10k")), m.get((p, "1m"))
            line += f" {b[0] / a[0]:.2f} |" if a and b and a[0] > 0 else " – |"
        for p in providers:
            a, b = m.get((p, "10k")), m.get((p, "1m"))
            line += f" {(a[1] / a[3]) / (b[1] / b[3]):.2f} |" if a and b and b[1] > 0 else " – |"
        out.append(line)
    out.append("")
# The hand-written notes below the figures are kept.
notes = ""
if os.path.exists(report):
    text = open(report).read()
    if "\n## Notes" in text:
        notes = text[text.index("\n## Notes") + 1:]
open(report, "w").write("\n".join(out) + ("\n" + notes if notes else ""))
PY
cat "$WORK"/generate-*.txt 2>/dev/null || true
echo "Report: $REPORT"
