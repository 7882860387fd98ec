#!/usr/bin/env bash
# The identity-aware proxy: `sluice serve` proxying GET /orders/42 with an RS256 JWT (verified-token
# cache on, the default) and a policy that allows the route, against nginx proxy_pass and HAProxy
# verifying the same JWT with jwt_verify on every request, all in front of the same upstream (nginx
# `return 200` with a 100-byte body), pinned (servers on CPU 0, wrk on CPU 1) and unpinned. Every
# server starts once; the gateway gets BENCH_GATEWAY_WARMUP (default 25) seconds of load so the JIT
# has compiled its request path, and taskset moves the same warm processes between the two modes
# (unpinned first, so the JIT finishes with both CPUs).
# Run through `bench/run proxy`, which builds the jars first; this script writes the results file
# named by its first argument. BENCH_WARMUP and BENCH_DURATION (seconds per point, default 2 and 5)
# shorten or lengthen every point; BENCH_PROFILE=auto (default) takes a JFR profile of the gateway
# under load when a target is missed, 1 always, 0 never; BENCH_KEEP=1 keeps the run directory.
#
# Targets (issue 12): Sluice >= 0.6 of nginx proxy_pass req/s and >= 1.5x HAProxy with RS256; at one
# connection, Sluice adds at most 60 us at p50 and 250 us at p99 to a direct call of the upstream.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="$("$ROOT/bin/find-java")"
# shellcheck source=bench/lib/harness.sh
source "$ROOT/bench/lib/harness.sh"

RESULTS=${1:?usage: bench/proxy.sh <results file>}
RUN=$(mktemp -d /tmp/sluice-bench-proxy.XXXXXX)
trap 'stop_all; [ "${BENCH_KEEP:-0}" = 1 ] && log "kept $RUN" || rm -rf "$RUN"' EXIT
CLI_JAR=$(compgen -G "$ROOT/cli/target/sluice-cli-*.jar" | grep -v -e '-sources' -e '-tests' | head -1)
[ -n "$CLI_JAR" ] || die "cli/target/sluice-cli-*.jar is missing; run bench/run proxy"
ISSUER=https://bench.sluice.test
AUDIENCE=sluice
CONNS=64                                      # wrk connections for throughput points
REQUEST_PATH=/orders/42                       # policy subject http.GET.orders.42
BODY=$(head -c 100 /dev/zero | tr '\0' o)     # the upstream's fixed 100-byte answer
GATEWAY_WARMUP=${BENCH_GATEWAY_WARMUP:-25}    # seconds of unmeasured load after the gateway starts
START=$SECONDS

# ---------------------------------------------------------------- inputs

prepare_inputs() {
  "$JAVA" -cp "$ROOT/benchmarks/target/benchmarks.jar" io.sluice.benchmarks.gateway.BenchCredentials \
    "$RUN/keys" "$ISSUER" "$AUDIENCE"
  # Every server gets the same request, token included; the upstream and nginx ignore it.
  wrk_get_script "$RUN/get.lua" Authorization "Bearer $(cat "$RUN/keys/rs256.jwt")"
  cat >"$RUN/policy.yaml" <<YAML
roles:
  order-reader:
    allow:
      - {actions: [request], subjects: ["http.GET.orders.*"]}
bindings:
  - {role: order-reader, subject: bench-client}
YAML
}

# ---------------------------------------------------------------- servers

start_upstream() { # nginx answering every request with the fixed body; sets UP_PORT
  UP_PORT=$(free_port)
  start_nginx_conf upstream "$SERVERS_DIR/upstream" "$UP_PORT" "  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$UP_PORT;
    location / { default_type text/plain; return 200 '$BODY'; }
  }"
  UP_PID=$LAST_PID
}

start_nginx_proxy() { # proxy_pass with a keep-alive upstream pool; sets NGINX_PORT
  NGINX_PORT=$(free_port)
  start_nginx_conf nginx-proxy "$SERVERS_DIR/nginx-proxy" "$NGINX_PORT" "  keepalive_requests 1000000;
  upstream app { server 127.0.0.1:$UP_PORT; keepalive $CONNS; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
  }"
  NGINX_PID=$LAST_PID
}

# start_haproxy: one thread; the JWT's algorithm, signature (RS256, public key PEM), issuer,
# audience and expiry are checked on every request, as Sluice checks them; sets HAPROXY_PORT.
start_haproxy() {
  local dir="$SERVERS_DIR/haproxy"; HAPROXY_PORT=$(free_port)
  mkdir -p "$dir"
  cat >"$dir/haproxy.cfg" <<CFG
global
  nbthread 1
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend bench
  bind 127.0.0.1:$HAPROXY_PORT
  http-request set-var(txn.bearer) http_auth_bearer
  http-request set-var(txn.now) date()
  http-request set-var(txn.exp) var(txn.bearer),jwt_payload_query('$.exp','int')
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_header_query('$.alg') -m str RS256 }
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_verify("RS256","$RUN/keys/rs256-public.pem") -m int 1 }
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_payload_query('$.iss') -m str $ISSUER }
  http-request deny deny_status 401 unless { var(txn.bearer),jwt_payload_query('$.aud') -m str $AUDIENCE }
  http-request deny deny_status 401 if { var(txn.exp),sub(txn.now) -m int lt 0 }
  default_backend upstream
backend upstream
  server up 127.0.0.1:$UP_PORT
CFG
  start_server haproxy "$dir" haproxy -db -f "$dir/haproxy.cfg"
  HAPROXY_PID=$LAST_PID
  wait_port "$HAPROXY_PORT" "$HAPROXY_PID" 10
}

# start_gateway: `sluice serve` with one proxy route to the upstream, JWT identity from the run's
# JWKS file and the order-reader policy; everything else (audit, logging, embedded broker) at its
# default. Sets GW_URL and GW_PID.
start_gateway() {
  local dir="$SERVERS_DIR/gateway" port; port=$(free_port)
  mkdir -p "$dir"
  cat >"$dir/sluice.yaml" <<YAML
server: {host: 127.0.0.1, port: $port}
identity:
  jwt:
    issuer: $ISSUER
    audience: $AUDIENCE
    jwksFile: $RUN/keys/jwks.json
policy: {file: $RUN/policy.yaml}
limits:
  rateLimit: {perSecond: 1000000, burst: 1000000}
  shutdownTimeout: 2s
proxy:
  routes:
    - {name: orders, pathPrefix: /orders, methods: [GET], upstream: orders}
  pools:
    - {name: orders, instances: ["http://127.0.0.1:$UP_PORT"], maxConnections: $CONNS}
YAML
  START_NS=$(date +%s%N)
  start_server gateway "$dir" "$JAVA" -jar "$CLI_JAR" serve --config sluice.yaml
  GW_PID=$LAST_PID GW_URL="http://127.0.0.1:$port"
  log "gateway ready in $(wait_ready "$GW_URL/health/ready" "$GW_PID" 60) ms"
}

# expect <status> <url> [curl options...]: a proxy that lets the wrong requests through, or does not
# reach the upstream, would make the numbers meaningless; stop the run instead.
expect() {
  local want=$1 url=$2 got body; shift 2
  body=$(curl -s -w '\n%{http_code}' "$@" "$url")
  got=${body##*$'\n'}
  [ "$got" = "$want" ] || die "$url answered $got, expected $want"
  [ "$want" != 200 ] || [ "${body%$'\n'*}" = "$BODY" ] || die "$url did not return the upstream's body"
}

check_servers() {
  local auth="Authorization: Bearer $(cat "$RUN/keys/rs256.jwt")" forged
  forged="Authorization: Bearer $(cut -d. -f1,2 "$RUN/keys/rs256.jwt").AAAA"
  expect 200 "http://127.0.0.1:$UP_PORT$REQUEST_PATH"
  expect 200 "http://127.0.0.1:$NGINX_PORT$REQUEST_PATH"
  expect 200 "http://127.0.0.1:$HAPROXY_PORT$REQUEST_PATH" -H "$auth"
  expect 401 "http://127.0.0.1:$HAPROXY_PORT$REQUEST_PATH"
  expect 401 "http://127.0.0.1:$HAPROXY_PORT$REQUEST_PATH" -H "$forged"
  expect 200 "$GW_URL$REQUEST_PATH" -H "$auth"
  expect 401 "$GW_URL$REQUEST_PATH"
  expect 401 "$GW_URL$REQUEST_PATH" -H "$forged"
  expect 403 "$GW_URL/orders/42/items" -H "$auth"
}

warm_gateway() {
  timeout $((GATEWAY_WARMUP + 10)) "${LOAD_PIN[@]}" wrk -t1 -c"$CONNS" -d"${GATEWAY_WARMUP}s" \
    --timeout 10s -s "$RUN/get.lua" "$GW_URL$REQUEST_PATH" >/dev/null
}

# ---------------------------------------------------------------- measurements

# measure <prefix> <base url> <connections> [<server pid>]: run_wrk on the request path, numbers kept
# as <prefix>_*; with a pid, <prefix>_CPU is that server's CPU time per request in microseconds
# (over warm-up and measurement, at the measured rate).
measure() {
  local before=0; [ -z "${4:-}" ] || before=$(cpu_ms "$4")
  run_wrk "$2$REQUEST_PATH" "$RUN/get.lua" "$3"
  printf -v "$1_RPS" %s "$RPS"; printf -v "$1_P50" %s "$P50_US"
  printf -v "$1_P99" %s "$P99_US"; printf -v "$1_BAD" %s "$BAD"
  [ -z "${4:-}" ] || printf -v "$1_CPU" %s "$(awk -v ms=$(($(cpu_ms "$4") - before)) -v n=$((RPS * (WARMUP + DURATION))) \
    'BEGIN { printf "%.0f", n ? ms * 1000 / n : 0 }')"
}

# outcome <value> <op> <target>: met/MISSED and by how much
outcome() {
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
    if (v == "n/a") { print "n/a"; exit }
    d = (op == ">=") ? v - t : t - v
    printf "%s by %s", (d >= 0 ? "met" : "**MISSED**"), (d < 0 ? -d : d) }'
}

# note_miss <value> <op> <target>: remembers a missed target (for the profile)
note_miss() { [[ $(verdict "$@") != MISSED ]] || MISSED=yes; }

throughput_rows() {
  local r
  r=$(ratio "$S_RPS" "$N_RPS"); note_miss "$r" ">=" 0.6
  row "$RUN/throughput.md" "$MODE" "Sluice $S_RPS req/s" "nginx proxy_pass $N_RPS req/s" "$r" ">= 0.6" \
    "$(outcome "$r" ">=" 0.6)" "non-2xx/errors: Sluice $S_BAD, nginx $N_BAD"
  r=$(ratio "$S_RPS" "$H_RPS"); note_miss "$r" ">=" 1.5
  row "$RUN/throughput.md" "$MODE" "Sluice $S_RPS req/s" "HAProxy jwt_verify RS256 $H_RPS req/s" "$r" ">= 1.5" \
    "$(outcome "$r" ">=" 1.5)" "non-2xx/errors: Sluice $S_BAD, HAProxy $H_BAD"
  row "$RUN/throughput.md" "$MODE" "Sluice $S_RPS req/s" "direct to the upstream $D_RPS req/s" \
    "$(ratio "$S_RPS" "$D_RPS")" "context" "—" "non-2xx/errors: direct $D_BAD"
}

latency_rows() {
  local p50=$((S1_P50 - D1_P50)) p99=$((S1_P99 - D1_P99)) p50s p99s
  note_miss "$p50" "<=" 60; note_miss "$p99" "<=" 250
  printf -v p50s %+d "$p50"; printf -v p99s %+d "$p99"
  row "$RUN/latency.md" "$MODE" "Sluice p50 $S1_P50 us, p99 $S1_P99 us ($S1_RPS req/s)" \
    "direct p50 $D1_P50 us, p99 $D1_P99 us ($D1_RPS req/s)" "p50 $p50s us" "<= +60 us" \
    "$(outcome "$p50" "<=" 60) us" "non-2xx/errors: Sluice $S1_BAD, direct $D1_BAD"
  row "$RUN/latency.md" "$MODE" "" "" "p99 $p99s us" "<= +250 us" "$(outcome "$p99" "<=" 250) us" ""
}

# profile: JFR of the running (warm) gateway, unpinned, under the same proxy load.
profile() {
  pin_running "0-$(($(nproc) - 1))" "${STARTED_PIDS[@]}"
  pin_mode unpinned
  jfr_record "$GW_PID" "$RUN/gateway.jfr" run_wrk "$GW_URL$REQUEST_PATH" "$RUN/get.lua" "$CONNS"
  { echo "Recorded over ${WARMUP} + ${DURATION} s of proxy load at $CONNS connections, unpinned ($RPS req/s)."
    jfr_summary "$RUN/gateway.jfr" "$(profile_prefixes)" io.sluice.
  } >"$RUN/profile.txt" 2>&1 || true
}

profile_prefixes() {
  local p=(io.sluice.gateway.proxy io.sluice.gateway.identity io.sluice.gateway.policy
    io.sluice.gateway.audit io.sluice.audit. org.h2. ch.qos.logback org.slf4j com.nimbusds
    com.fasterxml.jackson io.micrometer io.opentelemetry io.vertx.ext.web io.vertx.core.http
    io.netty java.util.regex)
  local IFS='|'; echo "${p[*]}"
}

# run_mode pinned|unpinned: the same warm servers, moved onto CPU 0 or onto every CPU.
run_mode() {
  MODE=$1
  pin_mode "$MODE"
  log "---- $MODE"
  if [ "$MODE" = pinned ]; then pin_running 0 "${STARTED_PIDS[@]}"
  else pin_running "0-$(($(nproc) - 1))" "${STARTED_PIDS[@]}"; fi
  measure D "http://127.0.0.1:$UP_PORT" "$CONNS" "$UP_PID"
  measure N "http://127.0.0.1:$NGINX_PORT" "$CONNS" "$NGINX_PID"
  measure H "http://127.0.0.1:$HAPROXY_PORT" "$CONNS" "$HAPROXY_PID"
  measure S "$GW_URL" "$CONNS" "$GW_PID"
  measure D1 "http://127.0.0.1:$UP_PORT" 1
  measure S1 "$GW_URL" 1
  throughput_rows
  latency_rows
  row "$RUN/cpu.md" "$MODE" "$S_CPU us" "$N_CPU us" "$H_CPU us" "$D_CPU us"
}

# gateway_log_problems: WARN and ERROR lines the gateway logged during the run, by message.
gateway_log_problems() {
  local log="$SERVERS_DIR/gateway/gateway.log"
  echo "Gateway log: $(grep -c '"level":"WARN"' "$log" || true) WARN and $(grep -c '"level":"ERROR"' "$log" || true) ERROR lines."
  grep -E '"level":"(WARN|ERROR)"' "$log" |
    sed -E 's/.*"message":"([^"]*)","throwable":(null|\{"className":"([^"]*)","message":("[^"]*"|null)).*/\1 \3 \4/' |
    sort | uniq -c | sort -rn | head -5 | sed 's/^/   /' || true
  echo
}

table() { # table <title> <file>
  echo "### $1"
  echo
  echo "| mode | measured | baseline (same run) | ratio / added | target | result | notes |"
  echo "|---|---|---|---|---|---|---|"
  cat "$2"
  echo
}

report() {
  echo "Identity-aware proxy (bench/proxy.sh), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "JDK: $("$JAVA" -version 2>&1 | head -1)"
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "Load average: $LOAD_AT_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; took $((SECONDS - START)) s"
  echo "Command: bench/run proxy"
  echo "Versions: $(nginx -v 2>&1 | cut -d' ' -f3), $(haproxy -v | head -1 | cut -d' ' -f1-3)"
  echo
  echo "Points: ${WARMUP} s warm-up + ${DURATION} s measured, wrk -t1, GET $REQUEST_PATH with the RS256 token"
  echo "on every request (all servers), $CONNS connections for throughput, 1 for latency; upstream: nginx"
  echo "return 200 with a 100-byte body, 1 worker; pinned = every server on CPU 0, wrk on CPU 1. The servers"
  echo "start once; Sluice gets $GATEWAY_WARMUP s of unmeasured load first; taskset moves them between modes."
  echo "Sluice: JWT (RS256, verified-token cache on), policy, audit and logging at their defaults."
  echo
  table "Throughput at $CONNS connections" "$RUN/throughput.md"
  table "Added latency at one connection (Sluice minus the direct call)" "$RUN/latency.md"
  echo "### Server CPU time per request at $CONNS connections (a load-independent view on a busy machine)"
  echo
  echo "| mode | Sluice | nginx proxy_pass | HAProxy jwt_verify RS256 | upstream alone (direct) |"
  echo "|---|---|---|---|---|"
  cat "$RUN/cpu.md"
  echo
  echo "Each proxy's own process only (the upstream's share excluded); CPU over warm-up and measurement"
  echo "divided by the measured rate times their length."
  echo
  gateway_log_problems
  if [ -s "$RUN/profile.txt" ]; then
    echo "### JFR profile of the gateway under the proxy load (unpinned)"
    echo
    echo '```'
    cat "$RUN/profile.txt"
    echo '```'
  fi
}

main() {
  need_package wrk wrk
  need_package nginx nginx
  need_package haproxy haproxy
  need_package curl curl
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg) MISSED=no
  prepare_inputs
  touch "$RUN/throughput.md" "$RUN/latency.md" "$RUN/cpu.md"
  SERVERS_DIR="$RUN/servers"
  start_upstream
  start_nginx_proxy
  start_haproxy
  start_gateway
  check_servers
  warm_gateway
  run_mode unpinned
  run_mode pinned
  case "${BENCH_PROFILE:-auto}" in 1) profile ;; auto) [ "$MISSED" = no ] || profile ;; esac
  stop_all
  report >"$RESULTS"
}

main
