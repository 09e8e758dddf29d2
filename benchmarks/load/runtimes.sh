# Runtime specifics of run-load.sh (sourced by it; uses its ROOT, WORK, OFFSET, HTTP_PORT, URL, log, code).
# Each runtime R has:
#   R_describe             one line for the report (version, configuration)
#   R_prepare              obtains the runtime from the local Maven repository / Maven Central (once)
#   R_start VARIANT        starts a fresh server on 127.0.0.1 with $WORK/app-VARIANT.war deployed as app.war and
#                          returns once it answers; SERVER_PID = the leader of a new process group (setsid)
#   R_stop                 a graceful stop, then the process group is killed (bounded waits)
#   R_variants             the variants the runtime can run
#   R_expect VARIANT       the expected answers: "<without token> <tampered token>" status codes
# Same JVM heap everywhere; every runtime listens on HTTP_PORT (one server at a time).

JVM_HEAP="-Xms1g -Xmx1g"
pom_version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }

alive() { [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; }
kill_group() { # after the graceful attempt: up to 30 s for it, then TERM and KILL to the whole process group
  for _ in $(seq 1 30); do alive || break; sleep 1; done
  kill -- "-$SERVER_PID" 2>/dev/null || true
  sleep 2
  kill -9 -- "-$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
wait_log() { # seconds, file, extended regexp: 0 once the file matches, 1 on timeout or when the server died
  for _ in $(seq 1 "$1"); do
    grep -qE "$3" "$2" 2>/dev/null && return 0
    alive || return 1
    sleep 1
  done
  return 1
}
wait_answers() { # seconds: 0 once the endpoint answers with anything but "no connection" / 404 / 503
  local c
  for _ in $(seq 1 "$1"); do
    c=$(code || true)
    [[ $c != 000 && $c != 404 && $c != 503 ]] && return 0
    alive || return 1
    sleep 1
  done
  return 1
}
server_jvm() { # the java process of the server: SERVER_PID itself or its java descendant (start scripts)
  local p=$SERVER_PID c
  for _ in 1 2 3; do
    [[ "$(cat "/proc/$p/comm" 2>/dev/null)" == java ]] && { echo "$p"; return; }
    c=$(pgrep -P "$p" | head -1) || true
    [[ -n "$c" ]] || break
    p=$c
  done
  echo "$SERVER_PID"
}

# --- WildFly: unpacked from Maven Central's zip, the one setting the SDK needs; the WAR goes into deployments/ -----
WILDFLY_VERSION=$(pom_version wildfly.version)
JBOSS_HOME=$WORK/wildfly-$WILDFLY_VERSION
MGMT_PORT=$((9990 + OFFSET))
wildfly_describe() { echo "WildFly $WILDFLY_VERSION (standalone.xml, integrated-jaspi=false)"; }
wildfly_variants() { echo "a b c"; }
wildfly_expect() { # WildFly's MP-JWT answers an anonymous call to a @RolesAllowed method with 403, not 401
  case $1 in a) echo "200 200" ;; b) echo "401 401" ;; c) echo "403 401" ;; esac
}
wildfly_prepare() {
  [[ -x "$JBOSS_HOME/bin/standalone.sh" ]] && return
  log "unpacking WildFly $WILDFLY_VERSION"
  ./mvnw -B -q -N dependency:unpack -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" -DoutputDirectory="$WORK"
  cat > "$WORK/configure.cli" <<'CLI'
embed-server --std-out=discard --server-config=standalone.xml
/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)
stop-embedded-server
CLI
  JBOSS_HOME="$JBOSS_HOME" "$JBOSS_HOME/bin/jboss-cli.sh" --file="$WORK/configure.cli" > /dev/null
}
wildfly_start() {
  local v=$1 d=$JBOSS_HOME/standalone/deployments log=$WORK/server-wildfly-$1.log
  rm -rf "$d/"app.war* "$JBOSS_HOME/standalone/tmp" "$JBOSS_HOME/standalone/data"
  JAVA_OPTS="$JVM_HEAP -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true" \
    setsid "$JBOSS_HOME/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" > "$log" 2>&1 &
  SERVER_PID=$!
  wait_log 120 "$log" "WFLYSRV0025|WFLYSRV0026" || return 1
  cp "$WORK/app-$v.war" "$d/app.war" # deployed into the running server, as Arquillian and most pipelines do
  for _ in $(seq 1 120); do [[ -e "$d/app.war.deployed" || -e "$d/app.war.failed" ]] && break; sleep 1; done
  [[ -e "$d/app.war.deployed" ]]
}
wildfly_stop() {
  "$JBOSS_HOME/bin/jboss-cli.sh" --controller="127.0.0.1:$MGMT_PORT" --connect --timeout=5000 \
    --command=:shutdown > /dev/null 2>&1 || true
  kill_group
}

# --- Payara Micro: the jar from Maven Central; no clustering, no Hazelcast, HTTP listener on 127.0.0.1 -------------
PAYARA_VERSION=$(pom_version payara-micro.version)
PAYARA=$WORK/payara
payara_describe() { echo "Payara Micro $PAYARA_VERSION (--nocluster --nohazelcast, defaults otherwise)"; }
payara_variants() { echo "a b c"; }
payara_expect() {
  case $1 in a) echo "200 200" ;; b) echo "401 401" ;; c) echo "401 401" ;; esac
}
payara_prepare() {
  mkdir -p "$PAYARA"
  if [[ ! -s "$PAYARA/payara-micro.jar" ]]; then
    log "copying Payara Micro $PAYARA_VERSION"
    ./mvnw -B -q -N dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
      -DoutputDirectory="$PAYARA" -Dmdep.stripVersion=true
  fi
  # the HTTP listener binds to all interfaces by default; the https listener is disabled in Payara Micro
  echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
    > "$PAYARA/preboot.asadmin"
}
payara_start() {
  local v=$1 log=$WORK/server-payara-$1.log
  rm -rf "$PAYARA/root" "$PAYARA/deploy" && mkdir -p "$PAYARA/root" "$PAYARA/deploy" "$PAYARA/unpack"
  cp "$WORK/app-$v.war" "$PAYARA/deploy/app.war" # Payara Micro deploys at boot (what its Arquillian adapter does)
  setsid java $JVM_HEAP -Djava.net.preferIPv4Stack=true -jar "$PAYARA/payara-micro.jar" \
    --nocluster --nohazelcast --disablephonehome --port "$HTTP_PORT" \
    --prebootcommandfile "$PAYARA/preboot.asadmin" --rootdir "$PAYARA/root" --unpackdir "$PAYARA/unpack" \
    --deploy "$PAYARA/deploy/app.war" > "$log" 2>&1 &
  SERVER_PID=$!
  wait_log 180 "$log" "Payara Micro .* ready in" || return 1
  wait_answers 30
}
payara_stop() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true # its shutdown hook stops the server
  kill_group
}

# --- Open Liberty: unpacked from Maven Central's zip, one server per variant, the WAR goes into dropins/ -----------
LIBERTY_VERSION=$(pom_version liberty.version)
WLP=$WORK/wlp
WLP_USR=$WORK/wlp-usr
liberty_describe() { echo "Open Liberty $LIBERTY_VERSION (appSecurity-5.0, restfulWS-3.1, cdi-4.0, mpConfig-3.1; (c) + mpJwt-2.1)"; }
liberty_variants() { echo "a b c"; }
liberty_expect() { # (c): no security constraint, so a request without a valid token stays unauthenticated and
  # Liberty's JAX-RS @RolesAllowed check answers 403, also for a tampered token
  case $1 in a) echo "200 200" ;; b) echo "401 401" ;; c) echo "403 403" ;; esac
}
liberty_features() { # the it-tests' features; (c) adds mpJwt
  local f="appSecurity-5.0 restfulWS-3.1 cdi-4.0 mpConfig-3.1"
  [[ $1 == c ]] && f="$f mpJwt-2.1"
  echo "$f"
}
liberty_prepare() {
  [[ -x "$WLP/bin/server" ]] && return
  log "unpacking Open Liberty $LIBERTY_VERSION"
  ./mvnw -B -q -N dependency:unpack -Dartifact="io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip" \
    -DoutputDirectory="$WORK"
}
liberty_start() {
  local v=$1 s=$WLP_USR/servers/load f
  rm -rf "$WLP_USR" && mkdir -p "$s/dropins"
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo "<server description=\"load $v\">"
    echo '  <featureManager>'
    for f in $(liberty_features "$v"); do echo "    <feature>$f</feature>"; done
    echo '  </featureManager>'
    echo "  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\"$HTTP_PORT\" httpsPort=\"$((8443 + OFFSET))\"/>"
    echo '  <applicationManager autoExpand="true"/>'
    if [[ $v == c ]]; then
      # mpJwt's configuration needs the SSL service, which needs the default keystore (else it never activates and
      # requests fall through to BASIC); the user name is "upn" by default, our tokens have "sub" (as WildFly uses);
      # key location, issuer and audience come from the application's microprofile-config.properties
      echo '  <keyStore id="defaultKeyStore" password="load-benchmark"/>'
      echo '  <mpJwt id="defaultMpJwt" userNameAttribute="sub"/>'
    fi
    echo '</server>'
  } > "$s/server.xml"
  printf '%s\n' $JVM_HEAP -Djava.net.preferIPv4Stack=true > "$s/jvm.options"
  WLP_USER_DIR=$WLP_USR setsid "$WLP/bin/server" run load > "$WORK/server-liberty-$v.log" 2>&1 &
  SERVER_PID=$!
  wait_log 180 "$WORK/server-liberty-$v.log" "CWWKF0011I" || return 1
  cp "$WORK/app-$v.war" "$s/dropins/app.war" # deployed into the running server
  wait_log 120 "$WORK/server-liberty-$v.log" "CWWKZ0001I.*app|CWWKZ0002E|CWWKZ0012E" || return 1
  grep -q "CWWKZ0001I.*app" "$WORK/server-liberty-$v.log" && wait_answers 30
}
liberty_stop() {
  WLP_USER_DIR=$WLP_USR timeout 60 "$WLP/bin/server" stop load > /dev/null 2>&1 || true
  kill_group
}
