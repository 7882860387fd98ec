#!/usr/bin/env bash
# Builds and runs the onboarding example: examples/onboarding/run.sh [broker-url] [port] [jdbc-url]
# (defaults: embedded:./data/broker 8080 jdbc:h2:./data/onboarding). Needs a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")/../.."

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    echo "$JAVA_HOME/bin/java"; return
  fi
  for jdk in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -Vr); do
    if [ -x "$jdk/bin/java" ] && "$jdk/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
      echo "$jdk/bin/java"; return
    fi
  done
  echo "onboarding: needs a JDK 21 or newer (set JAVA_HOME or install one under /usr/lib/jvm)" >&2
  exit 1
}

JAVA=$(find_java)
./mvnw -B -q -pl examples/onboarding -am package -DskipTests
exec "$JAVA" -jar examples/onboarding/target/onboarding.jar "$@"
