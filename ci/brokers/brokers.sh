#!/usr/bin/env bash
# Test brokers that Debian does not package, run from Maven Central jars as separate processes.
#   ci/brokers/brokers.sh start [kafka] [pulsar]   fetch jars if needed, start, wait until ready
#   ci/brokers/brokers.sh stop  [kafka] [pulsar]   stop by PID (only what this script started)
#   ci/brokers/brokers.sh status
# Ports (loopback only) are free ones picked at each start, so checkouts on one machine can test at
# the same time; set KAFKA_PORT, KAFKA_CONTROLLER_PORT, PULSAR_PORT or PULSAR_HTTP_PORT to fix one.
# A ready broker's addresses are written to work/<name>/endpoint.properties (kafka.bootstrap,
# pulsar.url, pulsar.admin), which is where the tests read them. State lives under ci/brokers/work/
# and is wiped on every start; starting a broker that runs stops it first.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
JAVA="${JAVA:-java}"
ATTEMPTS=3   # a picked port can be taken by someone else before the broker binds it: pick again
declare -A FIXED_PORT=(
  [KAFKA_PORT]=${KAFKA_PORT:-} [KAFKA_CONTROLLER_PORT]=${KAFKA_CONTROLLER_PORT:-}
  [PULSAR_PORT]=${PULSAR_PORT:-} [PULSAR_HTTP_PORT]=${PULSAR_HTTP_PORT:-})

log() { echo "brokers: $*"; }

free_port() { # a loopback port nothing is bound to at the moment
  perl -MIO::Socket::INET -e \
    'print IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1", LocalPort => 0)->sockport'
}

pick_ports() { # pick_ports VAR...: export each VAR as its fixed value or a free port
  local var
  for var in "$@"; do export "$var=${FIXED_PORT[$var]:-$(free_port)}"; done
}

ports_fixed() { # ports_fixed VAR...: true when every VAR was given in the environment
  local var
  for var in "$@"; do [ -n "${FIXED_PORT[$var]}" ] || return 1; done
}

# The start_<name> functions run as an `if` condition, where `set -e` does not apply: every step
# that can fail returns explicitly.
start_one() { # start_one <name>: stop a running one, start it, retry when a picked port was taken
  local name=$1 attempt
  stop_one "$name"
  for attempt in $(seq 1 "$ATTEMPTS"); do
    if "start_$name"; then return 0; fi
    stop_one "$name"
    if "ports_fixed_$name" || ! grep -q "Address already in use" "$WORK/$name/$name.log"; then
      return 1
    fi
    log "$name: a picked port was taken meanwhile (attempt $attempt of $ATTEMPTS)"
  done
  return 1
}

write_endpoint() { # write_endpoint <name> key=value...: the addresses the tests connect to
  local name=$1; shift
  printf '%s\n' "$@" > "$WORK/$name/endpoint.properties"
  log "$name listens at $*"
}

fetch() { # fetch <name>: copy the broker's runtime jars into work/<name>/lib once
  local name=$1 dir="$WORK/$1"
  if [ -f "$dir/lib/.complete" ]; then return; fi
  mkdir -p "$dir"
  log "fetching $name jars from Maven Central"
  "$ROOT/mvnw" -B -q -f "$HERE/$name/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$dir/lib" -DincludeScope=runtime || return 1
  touch "$dir/lib/.complete"
}

render() { # render <template> <output>: substitute ${VARS} from the environment
  perl -pe 's/\$\{(\w+)\}/exists $ENV{$1} ? $ENV{$1} : $&/ge' "$1" > "$2"
}

wait_ready() { # wait_ready <name> <pid> <seconds> <check command...>
  local name=$1 pid=$2 limit=$3; shift 3
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name died while starting; last log lines:"; tail -40 "$WORK/$name/$name.log"; return 1
    fi
    if (( SECONDS - start > limit )); then
      log "$name not ready after ${limit}s; last log lines:"; tail -40 "$WORK/$name/$name.log"; return 1
    fi
    sleep 0.5
  done
  log "$name ready after $(( SECONDS - start ))s (pid $pid)"
}

ports_fixed_kafka() { ports_fixed KAFKA_PORT KAFKA_CONTROLLER_PORT; }
ports_fixed_pulsar() { ports_fixed PULSAR_PORT PULSAR_HTTP_PORT; }

start_kafka() {
  fetch kafka || return 1
  local dir="$WORK/kafka"
  pick_ports KAFKA_PORT KAFKA_CONTROLLER_PORT
  rm -rf "$dir/data"; mkdir -p "$dir/data"
  export KAFKA_DATA="$dir/data"
  render "$HERE/kafka/server.properties" "$dir/server.properties"
  local cid
  cid=$("$JAVA" -cp "$dir/lib/*" kafka.tools.StorageTool random-uuid) || return 1
  if ! "$JAVA" -cp "$dir/lib/*" -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
    kafka.tools.StorageTool format -t "$cid" -c "$dir/server.properties" > "$dir/format.log" 2>&1; then
    log "kafka: formatting the log folder failed:"; cat "$dir/format.log"; return 1
  fi
  nohup "$JAVA" -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/kafka/log4j2.properties" \
    -cp "$dir/lib/*" kafka.Kafka "$dir/server.properties" > "$dir/kafka.log" 2>&1 &
  echo $! > "$dir/kafka.pid"
  wait_ready kafka "$(cat "$dir/kafka.pid")" 90 grep -q "Kafka Server started" "$dir/kafka.log" \
    || return 1
  write_endpoint kafka "kafka.bootstrap=127.0.0.1:$KAFKA_PORT"
}

start_pulsar() {
  fetch pulsar || return 1
  local dir="$WORK/pulsar"
  pick_ports PULSAR_PORT PULSAR_HTTP_PORT
  rm -rf "$dir/data"; mkdir -p "$dir/data"
  render "$HERE/pulsar/standalone.conf" "$dir/standalone.conf"
  cd "$dir" || return 1   # the standalone looks for ./data relative to its working directory
  nohup "$JAVA" -Xms256m -Xmx512m -XX:MaxDirectMemorySize=256m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$HERE/pulsar/log4j2.properties" \
    --add-opens java.management/sun.management=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
    -cp "$dir/lib/*" org.apache.pulsar.PulsarStandaloneStarter \
    --config "$dir/standalone.conf" --no-functions-worker --no-stream-storage --wipe-data \
    --metadata-dir "$dir/data/metadata" --bookkeeper-dir "$dir/data/bookkeeper" > "$dir/pulsar.log" 2>&1 &
  echo $! > "$dir/pulsar.pid"
  cd - >/dev/null
  wait_ready pulsar "$(cat "$dir/pulsar.pid")" 120 \
    sh -c "curl -sf http://127.0.0.1:$PULSAR_HTTP_PORT/admin/v2/namespaces/public | grep -q public/default" \
    || return 1
  write_endpoint pulsar "pulsar.url=pulsar://127.0.0.1:$PULSAR_PORT" \
    "pulsar.admin=http://127.0.0.1:$PULSAR_HTTP_PORT"
}

stop_one() {
  local name=$1 pidfile="$WORK/$1/$1.pid"
  rm -f "$WORK/$name/endpoint.properties"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "$name stopped (pid $pid)"
  fi
  rm -f "$pidfile"
}

cmd=${1:-status}; shift || true
names=("$@"); [ ${#names[@]} -eq 0 ] && names=(kafka pulsar)
case "$cmd" in
  start) for n in "${names[@]}"; do start_one "$n"; done ;;
  stop) for n in "${names[@]}"; do stop_one "$n"; done ;;
  fetch) for n in "${names[@]}"; do fetch "$n"; done ;;
  status)
    for n in kafka pulsar; do
      f="$WORK/$n/$n.pid"
      if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then
        log "$n running (pid $(cat "$f")) at $(paste -sd' ' "$WORK/$n/endpoint.properties" 2>/dev/null)"
      else
        log "$n stopped"
      fi
    done ;;
  *) echo "usage: $0 start|stop|fetch|status [kafka] [pulsar]" >&2; exit 2 ;;
esac
