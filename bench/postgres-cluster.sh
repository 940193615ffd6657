# Sourced by bench/http-bench.sh: a throw-away PostgreSQL cluster for benchmarks, kept in a data folder under /tmp so
# the 1 M database is generated once, started on a loopback port and stopped by its postmaster's PID.
#
#   pg_bench_start <folder> <port>   initdb into <folder>/data when it is missing, then start; sets PG_BENCH_PID
#   pg_bench_stop                    fast shutdown of the PID pg_bench_start started, waiting until it has gone
#
# Settings for a 24 GB machine whose memory is shared with other work (decision 0032):
#   shared_buffers 6GB         a quarter of memory, PostgreSQL's own rule of thumb; the 1 M database fits in it
#   effective_cache_size 16GB  what the planner may assume the OS caches (shared buffers + page cache)
#   work_mem 32MB              per sort/hash node; 32 connections × a few nodes stays far below memory
#   maintenance_work_mem 1GB   index builds and VACUUM after the bulk load
#   max_wal_size 16GB, checkpoint_timeout 30min   no checkpoint storm while a million rows are copied in
#   synchronous_commit off     a crash can lose the last commits but never corrupts (fsync stays on: the folder is kept)
#   random_page_cost 1.1       the disk is an SSD-backed volume: random reads cost little more than sequential
#   jit off                    JIT compiles a plan for each expensive query (counts over 1 M rows), tens of ms per
#                              request an API answer pays again and again; the usual setting for OLTP work
#   log_min_duration_statement 1000   statements slower than a second go to <folder>/server.log with their SQL,
#                              ready for EXPLAIN ANALYZE
PG_BENCH_BIN=${PG_BENCH_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_BENCH_PID=""
PG_BENCH_DIR=""

pg_bench_as_postgres() {
  # initdb and postgres refuse to run as root: use the postgres account Debian's package creates.
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bench_start() {
  local dir=$1 port=$2
  [[ -x "$PG_BENCH_BIN/initdb" ]] || { echo "PostgreSQL is needed: apt-get install -y postgresql" >&2; return 1; }
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir"; fi
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    pg_bench_as_postgres "$PG_BENCH_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
  fi
  if [[ -f "$dir/data/postmaster.pid" ]] && kill -0 "$(head -n 1 "$dir/data/postmaster.pid")" 2>/dev/null; then
    echo "A server already runs on $dir/data (PID $(head -n 1 "$dir/data/postmaster.pid")); not starting a second one." >&2
    return 1
  fi
  pg_bench_as_postgres "$PG_BENCH_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 start -o "-p $port -k $dir \
    -c listen_addresses=127.0.0.1 -c max_connections=200 \
    -c shared_buffers=6GB -c effective_cache_size=16GB -c work_mem=32MB -c maintenance_work_mem=1GB \
    -c max_wal_size=16GB -c checkpoint_timeout=30min -c synchronous_commit=off -c random_page_cost=1.1 -c jit=off -c log_min_duration_statement=1000" > /dev/null
  PG_BENCH_PID=$(head -n 1 "$dir/data/postmaster.pid")
  PG_BENCH_DIR=$dir
}

pg_bench_stop() {
  [[ -n "$PG_BENCH_PID" ]] || return 0
  # SIGINT is PostgreSQL's fast shutdown: sessions are ended, a checkpoint is written, the postmaster exits.
  kill -INT "$PG_BENCH_PID" 2>/dev/null || true
  for _ in $(seq 1 600); do kill -0 "$PG_BENCH_PID" 2>/dev/null || break; sleep 0.5; done
  PG_BENCH_PID=""
}
