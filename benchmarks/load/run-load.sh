#!/usr/bin/env bash
# End-to-end load comparison on WildFly, Payara Micro and Open Liberty: the same JAX-RS endpoint with
#   (a) no authentication, (b) Signward bearer authentication (this SDK's jar in WEB-INF/lib),
#   (c) the runtime's own MicroProfile JWT (@LoginConfig(authMethod="MP-JWT")) against the same JWKS.
# Runtime specifics (obtain, start, deploy, stop, expected answers) are in runtimes.sh next to this script.
# wrk on loopback, 100 connections, 100 users whose tokens are reused; warm-up then measurement per variant,
# each variant in a fresh server JVM. Everything runs on 127.0.0.1 and stops by itself (bounded waits).
# Writes benchmarks/target/load/report.md (and prints it). Settings (environment):
#   RUNTIMES=wildfly ("wildfly payara liberty" for all three)
#   DURATION=20s WARMUP=10s CONNECTIONS=100 THREADS=2 PASSES=1 OFFSET=1300 PROVIDER_PORT=18380 VARIANTS="a b c"
#   (every runtime listens on 8080+OFFSET, WildFly's management on 9990+OFFSET, Liberty's https on 8443+OFFSET)
#   PROFILE=1 records a JFR file of the server during each measurement (target/load/server-R-V-P.jfr; slows it a bit,
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
RUNTIMES=${RUNTIMES:-wildfly}
OFFSET=${OFFSET:-1300}
HTTP_PORT=$((8080 + OFFSET))
PROVIDER_PORT=${PROVIDER_PORT:-18380}
URL=http://127.0.0.1:$HTTP_PORT/app/api/hello
ISSUER=http://127.0.0.1:$PROVIDER_PORT

PROVIDER_PID=""
SERVER_PID=""
log() { echo "[load $(date +%H:%M:%S)] $*"; }

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" "$URL"; }
# shellcheck source=runtimes.sh
source "$ROOT/benchmarks/load/runtimes.sh"
RT=""
stop_server() { # graceful stop of the runtime, then its process group; the group also when its leader is gone
  if alive; then "${RT}_stop"; elif [[ -n "$SERVER_PID" ]]; then kill -9 -- "-$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [[ -n "$PROVIDER_PID" ]]; then kill "$PROVIDER_PID" 2>/dev/null || true; wait "$PROVIDER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM # run the EXIT trap on Ctrl-C / timeout as well

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

# --- 2. the runtimes (unpacked / copied once from the local Maven repository or Maven Central) -----------------------
for rt in $RUNTIMES; do
  declare -F "${rt}_start" > /dev/null || { log "unknown runtime $rt (wildfly, payara, liberty)"; exit 1; }
  "${rt}_prepare"
done

# --- 3. the three WARs (all deployed as app.war, same endpoint class) ----------------------------------------------
APP=$ROOT/benchmarks/load/app
CP=$(cat "$WORK/compile-classpath.txt")
# (a) gets Hello without its @RolesAllowed line: WildFly (RESTEasy role-based security off) ignores the annotation
# anyway, but Payara Micro enforces @RolesAllowed on the CDI bean with no authentication configured (401)
mkdir -p "$WORK/open-src/bench/load"
sed '/@RolesAllowed/d' "$APP/java/bench/load/Hello.java" > "$WORK/open-src/bench/load/Hello.java"
build_war() { # variant, LoadApp source dir, web.xml, config properties, with-libs, Hello source
  local v=$1 dir=$WORK/war-$1
  rm -rf "$dir" && mkdir -p "$dir/WEB-INF/classes/META-INF" "$dir/WEB-INF/lib"
  javac --release 17 -nowarn -cp "$CP" -d "$dir/WEB-INF/classes" "$6" "$2/bench/load/LoadApp.java"
  if [[ "$3" != none ]]; then cp "$3" "$dir/WEB-INF/web.xml"; fi
  printf '%s\n' "$4" > "$dir/WEB-INF/classes/META-INF/microprofile-config.properties"
  if [[ "$5" == yes ]]; then cp "$WORK"/war-libs/*.jar "$dir/WEB-INF/lib/"; fi
  if [[ $v == c ]]; then # Payara's MP-JWT finds @LoginConfig only on a CDI bean type: discover all classes
    printf '%s\n' '<beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>' \
      > "$dir/WEB-INF/beans.xml"
    # Payara's MP-JWT rejects a token whose header typ is not "JWT" (ours are RFC 9068 "at+jwt") unless told not to
    echo "disable.type.verification=true" > "$dir/WEB-INF/classes/payara-mp-jwt.properties"
  fi
  rm -f "$WORK/app-$v.war" && (cd "$dir" && jar --create --file "$WORK/app-$v.war" .)
}
HELLO=$APP/java/bench/load/Hello.java
build_war a "$APP/java" "$APP/web-open.xml" "# no authentication" no "$WORK/open-src/bench/load/Hello.java"
# (b) needs no web.xml: the SDK's ServletContainerInitializer turns on resteasy.role.based.security itself
build_war b "$APP/java" none "signward.authority=$ISSUER
signward.client-id=bench" yes "$HELLO"
build_war c "$APP/jwt" "$APP/web-secured.xml" "mp.jwt.verify.publickey.location=$ISSUER/jwks
mp.jwt.verify.issuer=$ISSUER
mp.jwt.verify.audiences=idserver-api" no "$HELLO"

# --- 4. the provider (discovery + JWKS) and 100 tokens ---------------------------------------------------------------
rm -f "$WORK/tokens.txt"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" com.signward.bench.LoadProvider \
  "$PROVIDER_PORT" "$WORK" 3600 > "$WORK/provider.log" 2>&1 &
PROVIDER_PID=$!
for _ in $(seq 1 60); do [[ -s "$WORK/tokens.txt" ]] && break; sleep 1; done
[[ -s "$WORK/tokens.txt" ]] || { log "provider did not start"; cat "$WORK/provider.log"; exit 1; }
TOKEN=$(head -1 "$WORK/tokens.txt")
SUB=$(echo "$TOKEN" | cut -d. -f2 | tr '_-' '/+' | base64 -d 2>/dev/null | grep -o '"sub":"[^"]*"' | cut -d'"' -f4 || true)

expect() { # what, expected, actual
  if [[ "$2" != "$3" ]]; then log "CHECK FAILED: $1: expected $2, got $3"; exit 1; fi
}

start_server() { # runtime variant
  RT=$1
  if ! "${1}_start" "$2"; then
    log "$1 did not start or deploy variant $2"; tail -40 "$WORK/server-$1-$2.log" 2>/dev/null || true; exit 1
  fi
}

check_variant() { # runtime variant: the endpoint answers as expected before it is measured
  local rt=$1 v=$2 body anon tampered want
  body=$(curl -s --max-time 10 -H "Authorization: Bearer $TOKEN" "$URL")
  anon=$(code); tampered=$(code -H "Authorization: Bearer ${TOKEN}x")
  log "$rt ($v): with token '$body', without token $anon, tampered token $tampered"
  read -r -a want <<< "$("${rt}_expect" "$v")"
  if [[ $v == a ]]; then expect "$rt (a) with token" "hello anonymous" "$body"
  else expect "$rt ($v) with token" "hello $SUB" "$body"; fi
  expect "$rt ($v) without token" "${want[0]}" "$anon"
  expect "$rt ($v) with a tampered token" "${want[1]}" "$tampered"
}

cpu_ticks() { # user + system CPU time of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat)
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

run_wrk() { # runtime variant pass
  local v=$1-$2 p=$3
  TOKENS="$WORK/tokens.txt" timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" \
    -s "$ROOT/benchmarks/load/tokens.lua" "$URL" > "$WORK/wrk-$v-$p-warmup.txt"
  local before; before=$(cut -d' ' -f1 /proc/loadavg)
  local jvm; jvm=$(server_jvm)
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
variants_of() { # the requested variants the runtime can run
  local v; for v in $VARIANTS; do [[ " $("${1}_variants") " == *" $v "* ]] && echo "$v"; done
}
for p in $(seq 1 "$PASSES"); do
  for rt in $RUNTIMES; do
    for v in $(variants_of "$rt"); do
      log "pass $p, $rt, variant $v: starting"
      start_server "$rt" "$v"
      check_variant "$rt" "$v"
      log "pass $p, $rt, variant $v: warm-up $WARMUP, measurement $DURATION, $CONNECTIONS connections, $THREADS wrk threads"
      run_wrk "$rt" "$v" "$p"
      grep -E "Requests/sec|99%|Non-2xx|Socket errors" "$WORK/wrk-$rt-$v-$p.txt" || true
      stop_server
    done
  done
done

# --- 6. report --------------------------------------------------------------------------------------------------------
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v } else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'; }
declare -A RPS P99 P50 CPU
mean() { echo "$@" | awk '{ s=0; for (i=1;i<=NF;i++) s+=$i; printf "%.2f", s/NF }'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN{printf "%.2f", x/y}'; }
{
  echo "# Load comparison, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  for rt in $RUNTIMES; do echo "- $rt: $("${rt}_describe")"; done
  echo
  echo "All with $JVM_HEAP, $(java -version 2>&1 | head -1),"
  echo "$(nproc) cores shared by server and wrk; wrk $THREADS threads, $CONNECTIONS connections, 100 users each reusing"
  echo "its token, $WARMUP warm-up + $DURATION measured per variant and pass, $PASSES pass(es), each variant in a fresh JVM."
  echo
  echo "| pass | runtime | variant | req/s | p50 ms | p99 ms | server CPU µs/request | non-2xx | socket errors | load avg before/after |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---|---|"
  for p in $(seq 1 "$PASSES"); do
    for rt in $RUNTIMES; do
      for v in $(variants_of "$rt"); do
        f=$WORK/wrk-$rt-$v-$p.txt
        rps=$(awk '/Requests\/sec/ {print $2}' "$f")
        p50=$(awk '$1=="50%" {print $2}' "$f" | to_ms)
        p99=$(awk '$1=="99%" {print $2}' "$f" | to_ms)
        non2xx=$(awk '/Non-2xx/ {print $NF}' "$f"); non2xx=${non2xx:-0}
        sock=$(grep -o 'Socket errors.*' "$f" || echo none)
        load=$(sed -n 's/load average before: \(.*\), after: \(.*\)/\1 \/ \2/p' "$f")
        requests=$(awk '/requests in/ {print $1}' "$f")
        cpu=$(awk -v r="$requests" '/server cpu ticks/ { printf "%.0f", $4 / $6 * 1e6 / r }' "$f")
        k=$rt-$v
        RPS[$k]="${RPS[$k]:-} $rps"; P99[$k]="${P99[$k]:-} $p99"; P50[$k]="${P50[$k]:-} $p50"; CPU[$k]="${CPU[$k]:-} $cpu"
        echo "| $p | $rt | $v | $rps | $p50 | $p99 | $cpu | $non2xx | $sock | $load |"
      done
    done
  done
  echo
  echo "Capacity = the inverse of the server's CPU time per request (robust to other load on the machine)."
  echo
  echo "| runtime | ratio (means over passes) | req/s | p99 latency | capacity |"
  echo "|---|---|---:|---:|---:|"
  for rt in $RUNTIMES; do
    [[ -n "${RPS[$rt-a]:-}" && -n "${RPS[$rt-b]:-}" ]] || continue
    ra=$(mean ${RPS[$rt-a]}); rb=$(mean ${RPS[$rt-b]})
    la=$(mean ${P99[$rt-a]}); lb=$(mean ${P99[$rt-b]})
    ca=$(mean ${CPU[$rt-a]}); cb=$(mean ${CPU[$rt-b]})
    echo "| $rt | (b)/(a) Signward vs no auth (target ≥ 0.9) | $(ratio "$rb" "$ra") | $(ratio "$lb" "$la") | $(ratio "$ca" "$cb") |"
    if [[ -n "${RPS[$rt-c]:-}" ]]; then
      rc=$(mean ${RPS[$rt-c]}); lc=$(mean ${P99[$rt-c]}); cc=$(mean ${CPU[$rt-c]})
      echo "| $rt | (b)/(c) Signward vs MP-JWT (target ≥ 1.0) | $(ratio "$rb" "$rc") | $(ratio "$lb" "$lc") | $(ratio "$cc" "$cb") |"
    fi
  done
} > "$WORK/report.md"
cat "$WORK/report.md"
