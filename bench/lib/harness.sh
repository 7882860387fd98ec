# shellcheck shell=bash
# Reusable pieces of the HTTP load scenarios (sourced by bench/gateway.sh; a proxy scenario can
# source it too): install what is missing, start servers on free loopback ports, pin them, drive
# them with wrk, parse its numbers, write result rows, and stop by PID everything that was started.
#
# Expects ROOT (the repository) and JAVA (a JDK >= 21) to be set by the caller.

WARMUP=${BENCH_WARMUP:-2}        # seconds of wrk load before each measurement, not counted
DURATION=${BENCH_DURATION:-5}    # seconds measured per point
STARTED_PIDS=()
SERVER_PIN=()                     # prefix for servers: (taskset -c 0) when pinned
LOAD_PIN=()                       # prefix for load generators: (taskset -c 1) when pinned

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
APT_UPDATED=no
need_package() { # need_package <command-or-path> <debian-package>
  if command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; then return; fi
  log "installing Debian package $2 (needed for $1)"
  if [ "$APT_UPDATED" = no ]; then as_root apt-get update -qq; APT_UPDATED=yes; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pin_mode pinned|unpinned: servers on CPU 0 and load on CPU 1, or both anywhere.
pin_mode() {
  if [ "$1" = pinned ]; then SERVER_PIN=(taskset -c 0); LOAD_PIN=(taskset -c 1)
  else SERVER_PIN=(); LOAD_PIN=(); fi
}

# start_server <name> <work dir> <command...>: runs the command (pinned as a server) in the work
# dir with its output in <work dir>/<name>.log; sets LAST_PID and remembers it for stop_all.
start_server() {
  local name=$1 dir=$2; shift 2
  mkdir -p "$dir"
  (cd "$dir" && exec "${SERVER_PIN[@]}" "$@") >"$dir/$name.log" 2>&1 &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

# stop_pid <pid>: SIGTERM, at most 15 s for a graceful exit, then SIGKILL.
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 150; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  log "pid $pid did not stop within 15 s; killing it"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  local pid
  for pid in "${STARTED_PIDS[@]:-}"; do [ -n "$pid" ] && stop_pid "$pid"; done
  STARTED_PIDS=()
}

# wait_port <port> <pid> <seconds>: until the port accepts, the process died, or the time is up.
wait_port() {
  local port=$1 pid=$2 end=$((SECONDS + $3))
  while ((SECONDS < end)); do
    port_open "$port" && return 0
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before listening on $port"
    sleep 0.05
  done
  die "nothing listens on port $port after $3 s"
}

# wait_ready <url> <pid> <seconds>: polls every 10 ms until the URL answers 200; prints the
# milliseconds since START_NS (set just before the process was started).
wait_ready() {
  local url=$1 pid=$2 end=$((SECONDS + $3))
  while ((SECONDS < end)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then
      echo $((($(date +%s%N) - START_NS) / 1000000))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before $url answered 200"
    sleep 0.01
  done
  die "$url did not answer 200 within $3 s"
}

# rss_mb <pid>: resident memory (VmRSS) in MB.
rss_mb() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

start_nats() { # start_nats <dir>: sets NATS_URL and NATS_PID
  local port; port=$(free_port)
  start_server nats-server "$1" nats-server -a 127.0.0.1 -p "$port" -js -sd "$1/store"
  NATS_PID=$LAST_PID NATS_URL="nats://127.0.0.1:$port"
  wait_port "$port" "$NATS_PID" 15
}

start_nginx_202() { # start_nginx_202 <dir>: one worker answering every request 202; sets NGINX_PORT
  NGINX_PORT=$(free_port)
  start_nginx_conf nginx "$1" "$NGINX_PORT" "  client_max_body_size 2m;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { return 202; }
  }"
  NGINX_PID=$LAST_PID
}

# start_java_main <name> <dir> <main class> <args...>: a main class of benchmarks.jar.
start_java_main() {
  local name=$1 dir=$2; shift 2
  start_server "$name" "$dir" "$JAVA" -cp "$ROOT/benchmarks/target/benchmarks.jar" "$@"
}

# wrk_script <file> <content type> <body file> [<header> <value>]...: a POST script for wrk.
wrk_script() {
  local file=$1 type=$2 body=$3; shift 3
  {
    echo 'wrk.method = "POST"'
    echo "local f = io.open(\"$body\", \"rb\"); wrk.body = f:read(\"*a\"); f:close()"
    echo "wrk.headers[\"Content-Type\"] = \"$type\""
    while (($# >= 2)); do echo "wrk.headers[\"$1\"] = \"$2\""; shift 2; done
  } >"$file"
}

# to_us <wrk duration like 812.00us, 1.20ms, 2.01s>: microseconds
to_us() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "ms") n *= 1000; else if (u == "s") n *= 1000000; else if (u == "m") n *= 60000000
    printf "%.0f", n }'
}

# run_wrk <url> <script> <connections>: a warm-up, then the measured run (one wrk thread, pinned as
# load; a response slower than 10 s counts as a timeout). Sets RPS (2xx responses per second), P50_US,
# P99_US and BAD (non-2xx responses plus socket errors, timeouts included).
run_wrk() {
  local url=$1 script=$2 conns=$3 out
  timeout $((WARMUP + 10)) "${LOAD_PIN[@]}" wrk -t1 -c"$conns" -d"${WARMUP}s" --timeout 10s -s "$script" "$url" >/dev/null
  out=$(timeout $((DURATION + 10)) "${LOAD_PIN[@]}" wrk -t1 -c"$conns" -d"${DURATION}s" --timeout 10s --latency -s "$script" "$url")
  # successful responses per second: a quick refusal (429, 503) must not count as throughput
  RPS=$(awk '/ requests in / {n = $1; d = $4; sub(/s,?$/, "", d)} /Non-2xx or 3xx responses:/ {n -= $NF}
    END {if (d > 0) printf "%.0f", n / d; else print 0}' <<<"$out")
  P50_US=$(to_us "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  P99_US=$(to_us "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  BAD=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  log "$url c=$conns: $RPS req/s, p50 ${P50_US} us, p99 ${P99_US} us, bad $BAD"
}

# sample_rss_while <pid> <command...>: runs the command and sets PEAK_RSS_MB, the largest VmRSS of
# pid seen every 200 ms meanwhile (the sampler is a subshell stopped by its PID).
sample_rss_while() {
  local pid=$1 file sampler; shift
  file=$(mktemp)
  echo 0 >"$file"
  (peak=0; while :; do
    now=$(rss_mb "$pid"); ((now > peak)) && { peak=$now; echo "$peak" >"$file"; }
    sleep 0.2
  done) &
  sampler=$!
  "$@"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  PEAK_RSS_MB=$(cat "$file"); rm -f "$file"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# verdict <value> <op> <target>: "met" or "MISSED"; op is >=, <= or < (strictly under)
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
  ok = (op == ">=") ? v >= t : (op == "<") ? v < t : v <= t
  print (v == "n/a") ? "n/a" : (ok ? "met" : "MISSED") }'; }

# row <table file> <cells...>: appends one markdown table row
row() { local f=$1 out="|" cell; shift; for cell in "$@"; do out+=" $cell |"; done; echo "$out" >>"$f"; }

# wrk_get_script <file> [<header> <value>]...: a GET script for wrk with the given headers.
wrk_get_script() {
  local file=$1; shift
  {
    echo 'wrk.method = "GET"'
    while (($# >= 2)); do echo "wrk.headers[\"$1\"] = \"$2\""; shift 2; done
  } >"$file"
}

# start_nginx_conf <name> <dir> <port> <http block body>: one nginx worker with the given http
# block body (server blocks, upstreams), temp files under <dir>; sets LAST_PID.
start_nginx_conf() {
  local name=$1 dir=$2 port=$3 body=$4
  mkdir -p "$dir/tmp"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
$body
}
CONF
  start_server "$name" "$dir" nginx -e "$dir/nginx-error.log" -p "$dir" -c "$dir/nginx.conf"
  wait_port "$port" "$LAST_PID" 10
}

# jfr_record <java pid> <jfr file> <command...>: a JFR recording (settings=profile) of the JVM
# while the command runs; the JDK's jcmd sits beside $JAVA.
jfr_record() {
  local pid=$1 file=$2 bin; bin="$(dirname "$JAVA")"; shift 2
  "$bin/jcmd" "$pid" JFR.start name=bench settings=profile >/dev/null
  "$@"
  "$bin/jcmd" "$pid" JFR.stop name=bench filename="$file" >/dev/null
}

# jfr_summary <jfr file> <prefixes separated by |> [<own package prefix>]: the hottest methods, the
# CPU samples per thread, with an own prefix the nearest own frame of each sample (who asked for
# the work), then the share of samples whose stack holds each prefix (a sample can count in
# several rows).
jfr_summary() {
  local file=$1 prefixes=$2 own=${3:-} bin samples; bin="$(dirname "$JAVA")"
  samples=$(mktemp)
  "$bin/jfr" view --width 150 hot-methods "$file"
  "$bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$file" >"$samples"
  echo
  echo "CPU samples per thread:"
  awk -F'"' '/sampledThread/ { n[$2]++ } END { for (t in n) printf "  %6d  %s\n", n[t], t }' "$samples" | sort -rn
  if [ -n "$own" ]; then
    echo
    echo "Nearest $own frame of each CPU sample (top 15):"
    awk -v own="$own" '/^jdk.ExecutionSample/ { f = "" }
      /line:/ && f == "" && index($1, own) == 1 { f = $1; n[f]++ }
      END { for (k in n) printf "  %6d  %s\n", n[k], k }' "$samples" | sort -rn | head -15
  fi
  echo
  echo "Share of CPU samples whose stack holds (a sample can count in several rows):"
  awk -v prefixes="$prefixes" '/^jdk.ExecutionSample/ { s = "" } /line:/ { s = s $0 "\n" }
    /^}/ { n++; for (i = 1; i <= k; i++) if (index(s, pat[i])) hit[i]++ }
    BEGIN { k = split(prefixes, pat, "|") }
    END { for (i = 1; i <= k; i++) printf "  %-36s %5.1f%%\n", pat[i], n ? 100 * hit[i] / n : 0
      printf "  (%d samples)\n", n }' "$samples"
  rm -f "$samples"
}

# pin_running <cpu list> <pid>...: moves every thread of each process, and of its child processes
# (an nginx master's workers), onto the CPUs, so one warm server can be measured both ways.
pin_running() {
  local cpus=$1 pid child; shift
  for pid in "$@"; do
    for child in $(pgrep -P "$pid" || true); do taskset -a -cp "$cpus" "$child" >/dev/null; done
    taskset -a -cp "$cpus" "$pid" >/dev/null
  done
}

# cpu_ms <pid>...: CPU time (user + system) used so far by the processes and their children, in ms.
cpu_ms() {
  local pid ticks=0 t
  for pid in "$@" $(for p in "$@"; do pgrep -P "$p" || true; done); do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    ticks=$((ticks + t))
  done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}
