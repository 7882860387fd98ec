#!/usr/bin/env bash
# The gateway end to end: `sluice serve` against bare baselines on the same machine in the same run,
# each scenario pinned (servers and nats-server on CPU 0, wrk on CPU 1) and unpinned. Run through
# `bench/run gateway`, which builds the jars first; this script writes its tables to the file named
# by its first argument. BENCH_WARMUP and BENCH_DURATION (seconds per point, default 2 and 5)
# shorten or lengthen every point; BENCH_PROFILE=0 skips the JFR profile; BENCH_KEEP=1 keeps the
# run directory (configurations, server logs, the JFR recording).
#
# Scenarios (BENCHMARKS.md has the targets and the latest numbers):
#   1 governed publish (JWT cache hit, policy, validation, audit, core NATS) vs the core bridge, nginx
#   2 durable publish (JetStream) vs the JetStream bridge, at 64 connections and at one (latency)
#   3 batch publish, 100 events per request, vs raw jnats publishAsync, in events/s
#   4 ES256 and RS256 tokens, cached and uncached, vs an API key (the gateway refuses HS256)
#   5 10 / 1,000 / 100,000 policy rules; 256 B / 4 KB / 64 KB bodies; memory; time to ready
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="$("$ROOT/bin/find-java")"
# shellcheck source=bench/lib/harness.sh
source "$ROOT/bench/lib/harness.sh"

RESULTS=${1:?usage: bench/gateway.sh <results file>}
RUN=$(mktemp -d /tmp/sluice-bench-gateway.XXXXXX)
trap 'stop_all; [ "${BENCH_KEEP:-0}" = 1 ] && log "kept $RUN" || rm -rf "$RUN"' EXIT
CLI_JAR=$(compgen -G "$ROOT/cli/target/sluice-cli-*.jar" | grep -v -e '-sources' -e '-tests' | head -1)
[ -n "$CLI_JAR" ] || die "cli/target/sluice-cli-*.jar is missing; run bench/run gateway"
mapfile -t GW_JVM < <("$ROOT/bin/jvm-options" "$CLI_JAR" serve)   # the launcher's JVM options
ISSUER=https://bench.sluice.test
CONNS=64            # wrk connections for throughput points
BATCH_CONNS=8       # 8 x 100 events stays under the gateway's limits.maxInFlight (1024)
BATCH=100
GATEWAY_WARMUP=${BENCH_GATEWAY_WARMUP:-20}   # seconds of load after the main gateway starts
VARIANT_WARMUP=$((GATEWAY_WARMUP / 2))         # and after each variant (cache off, more rules)
PROFILE_SECONDS=$((GATEWAY_WARMUP / 3))        # JFR over the end of the unpinned warm-up

# ---------------------------------------------------------------- inputs, generated per run

json_body() { # json_body <bytes> <file>: a JSON object of exactly that many bytes
  printf '{"pad":"%s"}' "$(head -c $(($1 - 10)) /dev/zero | tr '\0' x)" >"$2"
}

batch_body() { # batch_body <data file> <file>: BATCH structured events for durable.batch
  local data; data=$(cat "$1")
  { printf '['
    for ((i = 0; i < BATCH; i++)); do
      ((i > 0)) && printf ','
      printf '{"specversion":"1.0","id":"b-%d","source":"/bench","type":"bench.event",' "$i"
      printf '"subject":"durable.batch","datacontenttype":"application/json","data":%s}' "$data"
    done
    printf ']'; } >"$2"
}

# policy_file <rules>: rules-1 patterns that never match, ten to an allow entry (100,000 entries of
# one pattern each would pass the policy loader's 3 MiB YAML limit), then the entry that allows.
policy_file() {
  local n=$1
  { echo "roles:"
    echo "  bench-publisher:"
    echo "    allow:"
    seq 1 $((n - 1)) | awk '{ s = s (s ? ", " : "") "r" $1 ".>" }
      NR % 10 == 0 { printf "      - {actions: [publish], subjects: [%s]}\n", s; s = "" }
      END { if (s) printf "      - {actions: [publish], subjects: [%s]}\n", s }'
    echo '      - {actions: [publish], subjects: ["core.>", "durable.>"]}'
    echo "bindings:"
    echo "  - {role: bench-publisher, subject: bench-client}"
    echo "  - {role: bench-publisher, apiKey: bench}"
  } >"$RUN/policy-$n.yaml"
}

prepare_inputs() {
  "$JAVA" -cp "$ROOT/benchmarks/target/benchmarks.jar" io.sluice.benchmarks.gateway.BenchCredentials \
    "$RUN/keys" "$ISSUER" sluice
  local size es rs key
  es=$(cat "$RUN/keys/es256.jwt") rs=$(cat "$RUN/keys/rs256.jwt") key=$(cat "$RUN/keys/api-key.txt")
  for size in 100 256 4096 65536; do
    json_body "$size" "$RUN/body-$size.json"
    wrk_script "$RUN/es256-$size.lua" application/json "$RUN/body-$size.json" Authorization "Bearer $es"
  done
  wrk_script "$RUN/rs256.lua" application/json "$RUN/body-100.json" Authorization "Bearer $rs"
  wrk_script "$RUN/apikey.lua" application/json "$RUN/body-100.json" X-API-Key "$key"
  batch_body "$RUN/body-100.json" "$RUN/batch.json"
  wrk_script "$RUN/batch.lua" application/cloudevents-batch+json "$RUN/batch.json" Authorization "Bearer $es"
  for size in 10 1000 100000; do policy_file "$size"; done
}

# ---------------------------------------------------------------- servers

# gateway_config <dir> <rules> <cache on|off>: the YAML a production deployment would use, on the
# run's nats-server, with audit left at its default (an H2 file under ./sluice-data/audit).
gateway_config() {
  local dir=$1 rules=$2 cache=$3 port=$4
  mkdir -p "$dir"
  cat >"$dir/sluice.yaml" <<YAML
server: {host: 127.0.0.1, port: $port}
broker:
  url: "$NATS_URL"
  settings:
    streams:
      - {name: DURABLE, subjects: ["durable.>"], storage: file}
identity:
  jwt:
    issuer: $ISSUER
    audience: sluice
    jwksFile: $RUN/keys/jwks.json
    cache: {enabled: $([ "$cache" = on ] && echo true || echo false)}
  apiKeys:
    - {id: bench, hash: "$(cat "$RUN/keys/api-key.hash")"}
policy: {file: $RUN/policy-$rules.yaml}
limits:
  rateLimit: {perSecond: 1000000, burst: 1000000}
  shutdownTimeout: 2s
publish:
  ackOverrides: {"core.>": none}
YAML
}

# start_gateway <name> <rules> <cache on|off> [jvm options...]: sets GW_URL, GW_PID, READY_MS.
start_gateway() {
  local name=$1 rules=$2 cache=$3 port; shift 3
  port=$(free_port)
  gateway_config "$MODE_DIR/$name" "$rules" "$cache" "$port"
  START_NS=$(date +%s%N)
  start_server gateway "$MODE_DIR/$name" "$JAVA" "${GW_JVM[@]}" "$@" -jar "$CLI_JAR" serve --config sluice.yaml
  GW_PID=$LAST_PID GW_URL="http://127.0.0.1:$port"
  READY_MS=$(wait_ready "$GW_URL/health/ready" "$GW_PID" 60)
  log "gateway $name ($rules rules, cache $cache) ready in $READY_MS ms"
}

# warm_gateway <seconds>: load on the governed publish that is not measured, so the JIT has compiled
# the request path before the first point (the baselines' path is a few methods; theirs is not).
# When pinned, the gateway may use every CPU while it warms (its compiler threads would otherwise
# share CPU 0 with the request path), then goes back to CPU 0 to be measured.
warm_gateway() {
  [ ${#SERVER_PIN[@]} -eq 0 ] || pin_running "0-$(($(nproc) - 1))" "$GW_PID"
  timeout $(($1 + 10)) "${LOAD_PIN[@]}" wrk -t1 -c"$CONNS" -d"${1}s" --timeout 10s -s "$RUN/es256-100.lua" \
    "$GW_URL/v1/events/core.events" >/dev/null
  [ ${#SERVER_PIN[@]} -eq 0 ] || pin_running "${SERVER_PIN[-1]}" "$GW_PID"
}

start_baselines() {
  CORE_PORT=$(free_port) JS_PORT=$(free_port)
  start_java_main core-bridge "$MODE_DIR/core-bridge" io.sluice.benchmarks.baselines.CoreBridgeBaseline \
    "$CORE_PORT" "$NATS_URL" plain.events
  wait_port "$CORE_PORT" "$LAST_PID" 30
  start_java_main js-bridge "$MODE_DIR/js-bridge" io.sluice.benchmarks.baselines.JetStreamBridgeBaseline \
    "$JS_PORT" "$NATS_URL" bridgejs.events
  wait_port "$JS_PORT" "$LAST_PID" 30
  start_nginx_202 "$MODE_DIR/nginx"
}

# ---------------------------------------------------------------- scenarios

# measure_gateway | measure_baseline <url> <script> <connections>: run_wrk, keeping G_* or B_*.
measure_gateway() { run_wrk "$@"; G_RPS=$RPS G_P50=$P50_US G_P99=$P99_US G_BAD=$BAD; }
measure_baseline() { run_wrk "$@"; B_RPS=$RPS B_P50=$P50_US B_P99=$P99_US B_BAD=$BAD; }
bad_note() { echo "non-2xx/errors: gateway $G_BAD, baseline $B_BAD"; }

scenario_governed() {
  sample_rss_while "$GW_PID" measure_gateway "$GW_URL/v1/events/core.events" "$RUN/es256-100.lua" "$CONNS"
  LOAD_RSS=$PEAK_RSS_MB RULES10_RPS=$G_RPS
  measure_baseline "http://127.0.0.1:$CORE_PORT/" "$RUN/es256-100.lua" "$CONNS"
  local r; r=$(ratio "$G_RPS" "$B_RPS")
  row "$RUN/s1.md" "$MODE" "Sluice $G_RPS req/s" "core bridge $B_RPS req/s" "$r" ">= 0.7" \
    "$(verdict "$r" ">=" 0.7)" "$(bad_note)"
  measure_baseline "http://127.0.0.1:$NGINX_PORT/" "$RUN/es256-100.lua" "$CONNS"
  row "$RUN/s1.md" "$MODE" "Sluice $G_RPS req/s" "nginx 202 $B_RPS req/s" "$(ratio "$G_RPS" "$B_RPS")" \
    "context" "—" "$(bad_note)"
}

scenario_durable() {
  measure_gateway "$GW_URL/v1/events/durable.events" "$RUN/es256-100.lua" "$CONNS"
  measure_baseline "http://127.0.0.1:$JS_PORT/" "$RUN/es256-100.lua" "$CONNS"
  local r; r=$(ratio "$G_RPS" "$B_RPS")
  row "$RUN/s2.md" "$MODE" "$CONNS conns: Sluice $G_RPS req/s" "JetStream bridge $B_RPS req/s" "$r" \
    ">= 0.7" "$(verdict "$r" ">=" 0.7)" "$(bad_note)"
  measure_gateway "$GW_URL/v1/events/durable.events" "$RUN/es256-100.lua" 1
  measure_baseline "http://127.0.0.1:$JS_PORT/" "$RUN/es256-100.lua" 1
  local delta=$((G_P50 - B_P50))
  row "$RUN/s2.md" "$MODE" "1 conn: Sluice p50 $G_P50 us, p99 $G_P99 us ($G_RPS req/s)" \
    "bridge p50 $B_P50 us, p99 $B_P99 us ($B_RPS req/s)" "p50 +$delta us" "p50 <= +50 us" \
    "$(verdict "$delta" "<=" 50)" "$(bad_note)"
}

scenario_batch() {
  local before after failed
  before=$(failed_publishes)
  measure_gateway "$GW_URL/v1/events" "$RUN/batch.lua" "$BATCH_CONNS"
  after=$(failed_publishes)
  local events=$((G_RPS * BATCH)) raw
  raw=$(timeout $((WARMUP + DURATION + 30)) "${LOAD_PIN[@]}" "$JAVA" -cp "$ROOT/benchmarks/target/benchmarks.jar" \
    io.sluice.benchmarks.baselines.RawJetStreamPublish "$NATS_URL" raw.events "$RUN/body-100.json" \
    "$WARMUP" "$DURATION" | awk '/^events\/s/ {print $2}')
  log "raw jnats publishAsync: $raw events/s"
  local r; r=$(ratio "$events" "$raw")
  row "$RUN/s3.md" "$MODE" "Sluice $events events/s ($G_RPS req/s)" "raw jnats publishAsync $raw events/s" \
    "$r" ">= 0.5" "$(verdict "$r" ">=" 0.5)" "non-2xx $G_BAD; failed publishes $((after - before))"
}

failed_publishes() {
  curl -s "$GW_URL/metrics" | awk '/^sluice_publishes_total\{.*outcome="failed"/ {n += $NF} END {printf "%d", n}'
}

# token_points <label>: ES256 and RS256 against an API key on the running gateway
token_points() {
  measure_baseline "$GW_URL/v1/events/core.events" "$RUN/apikey.lua" "$CONNS"
  local alg r
  for alg in es256 rs256; do
    local script="$RUN/$alg.lua"; [ "$alg" = es256 ] && script="$RUN/es256-100.lua"
    measure_gateway "$GW_URL/v1/events/core.events" "$script" "$CONNS"
    r=$(ratio "$G_RPS" "$B_RPS")
    if [ "$1" = cached ]; then
      row "$RUN/s4.md" "$MODE" "${alg^^} cached $G_RPS req/s" "API key $B_RPS req/s" "$r" ">= 0.95" \
        "$(verdict "$r" ">=" 0.95)" "$(bad_note)"
    else
      row "$RUN/s4.md" "$MODE" "${alg^^} cache off $G_RPS req/s" "API key $B_RPS req/s" "$r" "—" "—" "$(bad_note)"
    fi
  done
}

scenario_tokens() {
  token_points cached
  local main_pid=$GW_PID main_url=$GW_URL
  start_gateway gateway-nocache 10 off
  warm_gateway "$VARIANT_WARMUP"
  token_points uncached
  stop_pid "$GW_PID"
  GW_PID=$main_pid GW_URL=$main_url
}

scenario_rules() {
  local main_pid=$GW_PID main_url=$GW_URL rules r
  for rules in 1000 100000; do
    start_gateway "gateway-$rules" "$rules" on
    warm_gateway "$VARIANT_WARMUP"
    measure_gateway "$GW_URL/v1/events/core.events" "$RUN/es256-100.lua" "$CONNS"
    stop_pid "$GW_PID"
    r=$(ratio "$RULES10_RPS" "$G_RPS")
    row "$RUN/s5.md" "$MODE" "$rules rules: $G_RPS req/s (ready in $READY_MS ms)" "10 rules: $RULES10_RPS req/s" \
      "cost x$r" "$([ "$rules" = 100000 ] && echo "< 1.3x" || echo "—")" \
      "$([ "$rules" = 100000 ] && verdict "$r" "<" 1.3 || echo "—")" "non-2xx/errors $G_BAD"
  done
  GW_PID=$main_pid GW_URL=$main_url
}

scenario_payloads() {
  local size r
  for size in 256 4096 65536; do
    measure_gateway "$GW_URL/v1/events/core.events" "$RUN/es256-$size.lua" "$CONNS"
    measure_baseline "http://127.0.0.1:$CORE_PORT/" "$RUN/es256-$size.lua" "$CONNS"
    r=$(ratio "$G_RPS" "$B_RPS")
    row "$RUN/s5.md" "$MODE" "$size B: Sluice $G_RPS req/s" "core bridge $B_RPS req/s" "$r" \
      "$([ "$size" = 65536 ] && echo ">= 0.7" || echo "—")" \
      "$([ "$size" = 65536 ] && verdict "$r" ">=" 0.7 || echo "—")" "$(bad_note)"
  done
}

scenario_footprint() {
  row "$RUN/s5.md" "$MODE" "RSS idle $IDLE_RSS MB" "—" "—" "< 150 MB" "$(verdict "$IDLE_RSS" "<" 150)" "VmRSS after ready"
  row "$RUN/s5.md" "$MODE" "RSS under load $LOAD_RSS MB" "—" "—" "< 256 MB" "$(verdict "$LOAD_RSS" "<" 256)" \
    "peak VmRSS during scenario 1"
  row "$RUN/s5.md" "$MODE" "ready in $MAIN_READY_MS ms" "—" "—" "< 1500 ms" "$(verdict "$MAIN_READY_MS" "<" 1500)" \
    "process start to /health/ready 200, polled every 10 ms"
}

run_mode() { # run_mode pinned|unpinned
  MODE=$1 MODE_DIR="$RUN/$1"
  pin_mode "$MODE"
  log "---- $MODE"
  start_nats "$MODE_DIR/nats"
  start_baselines
  # like any installation after its first start: the launcher's class-data archive exists
  [ "$MODE" = unpinned ] || { start_gateway gateway-first-start 10 on; stop_pid "$GW_PID"; }
  start_gateway gateway 10 on
  MAIN_READY_MS=$READY_MS IDLE_RSS=$(rss_mb "$GW_PID")
  if [ "$MODE" = unpinned ] && [ "${BENCH_PROFILE:-1}" = 1 ]; then
    warm_gateway $((GATEWAY_WARMUP - PROFILE_SECONDS))
    profile
  else
    warm_gateway "$GATEWAY_WARMUP"
  fi
  scenario_governed
  scenario_durable
  scenario_batch
  scenario_tokens
  scenario_rules
  scenario_payloads
  scenario_footprint
  stop_all
}

# profile: JFR of the unpinned gateway over the last PROFILE_SECONDS of its warm-up load (scenario 1's
# request), so the profile costs the run no extra gateway; the hottest methods and the share of CPU
# samples per component go to the results.
profile() {
  local bin; bin="$(dirname "$JAVA")"
  jfr_record "$GW_PID" "$MODE_DIR/gateway.jfr" warm_gateway "$PROFILE_SECONDS"
  { echo "Recorded over the last $PROFILE_SECONDS s of the unpinned gateway's $GATEWAY_WARMUP s warm-up load."
    "$bin/jfr" view --width 150 hot-methods "$MODE_DIR/gateway.jfr"
    echo
    echo "Share of CPU samples whose stack holds (a sample can count in several rows):"
    "$bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$MODE_DIR/gateway.jfr" | component_shares
  } >"$RUN/profile.txt" 2>&1 || true
}

component_shares() {
  awk '/^jdk.ExecutionSample/ { s = "" } /line:/ { s = s $0 "\n" }
    /^}/ { n++
      for (i = 1; i <= k; i++) if (index(s, pat[i])) hit[i]++ }
    BEGIN { k = split("io.sluice.audit.|org.h2.|ch.qos.logback|java.util.regex|io.sluice.gateway.policy|com.nimbusds|com.fasterxml.jackson|io.nats.|io.micrometer|io.opentelemetry", pat, "|") }
    END { for (i = 1; i <= k; i++) printf "  %-28s %5.1f%%\n", pat[i], 100 * hit[i] / n; printf "  (%d samples)\n", n }'
}

table() { # table <title> <file>
  echo "### $1"
  echo
  echo "| mode | measured | baseline (same run) | ratio | target | result | notes |"
  echo "|---|---|---|---|---|---|---|"
  cat "$2"
  echo
}

main() {
  need_package wrk wrk
  need_package nginx nginx
  need_package nats-server nats-server
  need_package curl curl
  prepare_inputs
  touch "$RUN"/s{1,2,3,4,5}.md
  run_mode pinned
  run_mode unpinned
  {
    echo "Points: ${WARMUP} s warm-up + ${DURATION} s measured, wrk -t1, $CONNS connections (batch $BATCH_CONNS),"
    echo "100-byte JSON bodies unless stated; pinned = servers and nats-server on CPU 0, wrk on CPU 1."
    echo
    table "1. Governed publish (ES256 cache hit, policy, validation, audit, core NATS)" "$RUN/s1.md"
    table "2. Durable publish (JetStream)" "$RUN/s2.md"
    table "3. Batch publish, $BATCH events per request, durable" "$RUN/s3.md"
    table "4. Tokens (the gateway refuses HS256; the API key is the cheapest credential it accepts)" "$RUN/s4.md"
    table "5. Cost as work grows, memory, time to ready" "$RUN/s5.md"
    if [ -s "$RUN/profile.txt" ]; then
      echo "### JFR profile of the gateway under scenario 1 load (unpinned)"
      echo
      echo '```'
      cat "$RUN/profile.txt"
      echo '```'
    fi
  } >"$RESULTS"
}

main
