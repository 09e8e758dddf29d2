#!/usr/bin/env bash
# End-to-end load comparison on WildFly: the same JAX-RS endpoint with
#   (a) no authentication, (b) Signward bearer authentication (this SDK's jar in WEB-INF/lib),
#   (c) WildFly's own MicroProfile JWT (@LoginConfig(authMethod="MP-JWT")) against the same JWKS.
# wrk on loopback, 100 connections, 100 users whose tokens are reused; warm-up then measurement per variant,
# each variant in a fresh server JVM. Everything runs on 127.0.0.1 and stops by itself (bounded waits).
# Writes benchmarks/target/load/report.md (and prints it). Settings (environment):
#   DURATION=20s WARMUP=10s CONNECTIONS=100 THREADS=2 PASSES=1 OFFSET=1300 PROVIDER_PORT=18380 VARIANTS="a b c"
#   PROFILE=1 records a JFR file of the server during each measurement (target/load/server-V-P.jfr; slows it a bit,
#   so do not compare profiled numbers with unprofiled ones); JFR_OPTIONS adds event settings to it
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/benchmarks/target/load
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
PASSES=${PASSES:-1}
PROFILE=${PROFILE:-}
VARIANTS=${VARIANTS:-a b c}
OFFSET=${OFFSET:-1300}
HTTP_PORT=$((8080 + OFFSET))
MGMT_PORT=$((9990 + OFFSET))
PROVIDER_PORT=${PROVIDER_PORT:-18380}
WILDFLY_VERSION=38.0.1.Final
JBOSS_HOME=$WORK/wildfly-$WILDFLY_VERSION
URL=http://127.0.0.1:$HTTP_PORT/app/api/hello
ISSUER=http://127.0.0.1:$PROVIDER_PORT

PROVIDER_PID=""
SERVER_PID=""
log() { echo "[load $(date +%H:%M:%S)] $*"; }

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    "$JBOSS_HOME/bin/jboss-cli.sh" --controller="127.0.0.1:$MGMT_PORT" --connect --timeout=5000 \
      --command=:shutdown > /dev/null 2>&1 || true
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -- "-$SERVER_PID" 2>/dev/null || true   # the process group this script started
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [[ -n "$PROVIDER_PID" ]]; then kill "$PROVIDER_PID" 2>/dev/null || true; wait "$PROVIDER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

command -v wrk > /dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
mkdir -p "$WORK"

# --- 1. build: benchmarks (the provider), the extension's runtime jars, the compile classpath of the app ---------
log "building"
./mvnw -B -q -Pbenchmarks -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
rm -rf "$WORK/war-libs" && mkdir -p "$WORK/war-libs"
./mvnw -B -q -pl extension dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/war-libs"
./mvnw -B -q -pl extension dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile="$WORK/compile-classpath.txt"
cp extension/target/signward-idserver-jakarta-*-SNAPSHOT.jar "$WORK/war-libs/"

# --- 2. WildFly: unpacked from Maven Central's zip, the one setting the SDK needs (same server for all variants) --
if [[ ! -x "$JBOSS_HOME/bin/standalone.sh" ]]; then
  log "unpacking WildFly $WILDFLY_VERSION"
  ./mvnw -B -q -N dependency:unpack -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" -DoutputDirectory="$WORK"
  cat > "$WORK/configure.cli" <<'CLI'
embed-server --std-out=discard --server-config=standalone.xml
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)
stop-embedded-server
CLI
  JBOSS_HOME="$JBOSS_HOME" "$JBOSS_HOME/bin/jboss-cli.sh" --file="$WORK/configure.cli" > /dev/null
fi

# --- 3. the three WARs (all deployed as app.war, same endpoint class) ----------------------------------------------
APP=$ROOT/benchmarks/load/app
CP=$(cat "$WORK/compile-classpath.txt")
build_war() { # variant, LoadApp source dir, web.xml, config properties, with-libs
  local v=$1 dir=$WORK/war-$1
  rm -rf "$dir" && mkdir -p "$dir/WEB-INF/classes/META-INF" "$dir/WEB-INF/lib"
  javac --release 17 -nowarn -cp "$CP" -d "$dir/WEB-INF/classes" "$APP/java/bench/load/Hello.java" "$2/bench/load/LoadApp.java"
  if [[ "$3" != none ]]; then cp "$3" "$dir/WEB-INF/web.xml"; fi
  printf '%s\n' "$4" > "$dir/WEB-INF/classes/META-INF/microprofile-config.properties"
  if [[ "$5" == yes ]]; then cp "$WORK"/war-libs/*.jar "$dir/WEB-INF/lib/"; fi
  rm -f "$WORK/app-$v.war" && (cd "$dir" && jar --create --file "$WORK/app-$v.war" .)
}
build_war a "$APP/java" "$APP/web-open.xml" "# no authentication" no
# (b) needs no web.xml: the SDK's ServletContainerInitializer turns on resteasy.role.based.security itself
build_war b "$APP/java" none "signward.authority=$ISSUER
signward.client-id=bench" yes
build_war c "$APP/jwt" "$APP/web-secured.xml" "mp.jwt.verify.publickey.location=$ISSUER/jwks
mp.jwt.verify.issuer=$ISSUER
mp.jwt.verify.audiences=idserver-api" no

# --- 4. the provider (discovery + JWKS) and 100 tokens ---------------------------------------------------------------
rm -f "$WORK/tokens.txt"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" com.signward.bench.LoadProvider \
  "$PROVIDER_PORT" "$WORK" 3600 > "$WORK/provider.log" 2>&1 &
PROVIDER_PID=$!
for _ in $(seq 1 60); do [[ -s "$WORK/tokens.txt" ]] && break; sleep 1; done
[[ -s "$WORK/tokens.txt" ]] || { log "provider did not start"; cat "$WORK/provider.log"; exit 1; }
TOKEN=$(head -1 "$WORK/tokens.txt")
SUB=$(echo "$TOKEN" | cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null | grep -o '"sub":"[^"]*"' | cut -d'"' -f4 || true)

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" "$URL"; }
expect() { # what, expected, actual
  if [[ "$2" != "$3" ]]; then log "CHECK FAILED: $1: expected $2, got $3"; exit 1; fi
}

start_server() { # variant
  local v=$1
  rm -rf "$JBOSS_HOME/standalone/deployments/"app.war* "$JBOSS_HOME/standalone/tmp" "$JBOSS_HOME/standalone/data"
  JAVA_OPTS="-Xms1g -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true" \
    setsid "$JBOSS_HOME/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" > "$WORK/server-$v.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    grep -q "WFLYSRV0025\|WFLYSRV0026" "$WORK/server-$v.log" 2>/dev/null && break
    sleep 1
  done
  # deployed into the running server, as Arquillian and most pipelines do
  cp "$WORK/app-$v.war" "$JBOSS_HOME/standalone/deployments/app.war"
  for _ in $(seq 1 120); do
    [[ -e "$JBOSS_HOME/standalone/deployments/app.war.deployed" || -e "$JBOSS_HOME/standalone/deployments/app.war.failed" ]] && break
    sleep 1
  done
  if [[ ! -e "$JBOSS_HOME/standalone/deployments/app.war.deployed" ]]; then
    log "variant $v did not deploy"; tail -40 "$WORK/server-$v.log"; exit 1
  fi
}

check_variant() { # variant: the endpoint answers as expected before it is measured
  local v=$1 body
  body=$(curl -s --max-time 10 -H "Authorization: Bearer $TOKEN" "$URL")
  if [[ $v == a ]]; then
    expect "(a) with token" "hello anonymous" "$body"
    expect "(a) without token" 200 "$(code)"
  elif [[ $v == b ]]; then
    expect "(b) with token" "hello $SUB" "$body"
    expect "(b) without token" 401 "$(code)"
    expect "(b) with a tampered token" 401 "$(code -H "Authorization: Bearer ${TOKEN}x")"
  else # WildFly's MP-JWT answers an anonymous call to a @RolesAllowed method with 403, not 401
    expect "(c) with token" "hello $SUB" "$body"
    expect "(c) without token" 403 "$(code)"
    expect "(c) with a tampered token" 401 "$(code -H "Authorization: Bearer ${TOKEN}x")"
  fi
}

cpu_ticks() { # user + system CPU time of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat)
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

run_wrk() { # variant pass
  local v=$1 p=$2
  TOKENS="$WORK/tokens.txt" timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" \
    -s "$ROOT/benchmarks/load/tokens.lua" "$URL" > "$WORK/wrk-$v-$p-warmup.txt"
  local before; before=$(cut -d' ' -f1 /proc/loadavg)
  local jvm; jvm=$(pgrep -P "$SERVER_PID" java | head -1) # the server JVM: the java child of our standalone.sh
  local cpu0; cpu0=$(cpu_ticks "$jvm")
  if [[ -n "$PROFILE" ]]; then
    # shellcheck disable=SC2086 # JFR_OPTIONS: extra event settings, e.g. 'jdk.JavaExceptionThrow#enabled=true'
    jcmd "$jvm" JFR.start name=load settings=profile duration="$DURATION" filename="$WORK/server-$v-$p.jfr" \
      ${JFR_OPTIONS:-} > /dev/null
  fi
  TOKENS="$WORK/tokens.txt" timeout 180 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
    -s "$ROOT/benchmarks/load/tokens.lua" "$URL" > "$WORK/wrk-$v-$p.txt"
  echo "load average before: $before, after: $(cut -d' ' -f1 /proc/loadavg)" >> "$WORK/wrk-$v-$p.txt"
  echo "server cpu ticks: $(( $(cpu_ticks "$jvm") - cpu0 )) at $(getconf CLK_TCK)/s" >> "$WORK/wrk-$v-$p.txt"
  if [[ -n "$PROFILE" ]]; then sleep 3; fi # let JFR write its file before the server stops
}

# --- 5. measure -----------------------------------------------------------------------------------------------------
for p in $(seq 1 "$PASSES"); do
  for v in $VARIANTS; do
    log "pass $p, variant $v: starting WildFly"
    start_server "$v"
    check_variant "$v"
    log "pass $p, variant $v: warm-up $WARMUP, measurement $DURATION, $CONNECTIONS connections, $THREADS wrk threads"
    run_wrk "$v" "$p"
    grep -E "Requests/sec|99%|Non-2xx|Socket errors" "$WORK/wrk-$v-$p.txt" || true
    stop_server
  done
done

# --- 6. report --------------------------------------------------------------------------------------------------------
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'; }
declare -A RPS P99 P50 CPU
{
  echo "# Load comparison, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "WildFly $WILDFLY_VERSION (standalone.xml, integrated-jaspi=false, -Xms1g -Xmx1g), $(java -version 2>&1 | head -1),"
  echo "$(nproc) cores shared by server and wrk; wrk $THREADS threads, $CONNECTIONS connections, 100 users each reusing"
  echo "its token, $WARMUP warm-up + $DURATION measured per variant and pass, $PASSES pass(es), each variant in a fresh JVM."
  echo
  echo "| pass | variant | req/s | p50 ms | p99 ms | server CPU µs/request | non-2xx | socket errors | load avg before/after |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---|"
  for p in $(seq 1 "$PASSES"); do
    for v in $VARIANTS; do
      f=$WORK/wrk-$v-$p.txt
      rps=$(awk '/Requests\/sec/ {print $2}' "$f")
      p50=$(awk '$1=="50%" {print $2}' "$f" | to_ms)
      p99=$(awk '$1=="99%" {print $2}' "$f" | to_ms)
      non2xx=$(awk '/Non-2xx/ {print $NF}' "$f"); non2xx=${non2xx:-0}
      sock=$(grep -o 'Socket errors.*' "$f" || echo none)
      load=$(sed -n 's/load average before: \(.*\), after: \(.*\)/\1 \/ \2/p' "$f")
      requests=$(awk '/requests in/ {print $1}' "$f")
      cpu=$(awk -v r="$requests" '/server cpu ticks/ { printf "%.0f", $4 / $6 * 1e6 / r }' "$f")
      RPS[$v]="${RPS[$v]:-} $rps"; P99[$v]="${P99[$v]:-} $p99"; P50[$v]="${P50[$v]:-} $p50"; CPU[$v]="${CPU[$v]:-} $cpu"
      echo "| $p | $v | $rps | $p50 | $p99 | $cpu | $non2xx | $sock | $load |"
    done
  done
  mean() { echo "$@" | awk '{ s=0; for (i=1;i<=NF;i++) s+=$i; printf "%.2f", s/NF }'; }
  if [[ " $VARIANTS " == *" a "* && " $VARIANTS " == *" b "* && " $VARIANTS " == *" c "* ]]; then
    ra=$(mean ${RPS[a]}); rb=$(mean ${RPS[b]}); rc=$(mean ${RPS[c]})
    la=$(mean ${P99[a]}); lb=$(mean ${P99[b]}); lc=$(mean ${P99[c]})
    ca=$(mean ${CPU[a]}); cb=$(mean ${CPU[b]}); cc=$(mean ${CPU[c]})
    ratio() { awk -v x="$1" -v y="$2" 'BEGIN{printf "%.2f", x/y}'; }
    echo
    echo "Capacity = the inverse of the server's CPU time per request (robust to other load on the machine)."
    echo
    echo "| ratio (means over passes) | req/s | p99 latency | capacity |"
    echo "|---|---:|---:|---:|"
    echo "| (b)/(a) Signward vs no auth (target ≥ 0.9) | $(ratio "$rb" "$ra") | $(ratio "$lb" "$la") | $(ratio "$ca" "$cb") |"
    echo "| (b)/(c) Signward vs MP-JWT (target ≥ 1.0) | $(ratio "$rb" "$rc") | $(ratio "$lb" "$lc") | $(ratio "$cc" "$cb") |"
  fi
} > "$WORK/report.md"
cat "$WORK/report.md"
