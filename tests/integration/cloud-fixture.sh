#!/bin/bash
# A real OpenStack cloud on loopback for the integration suite: Debian 12's
# Keystone (under uwsgi) and neutron-server with VPNaaS, on a private MariaDB
# that listens only on a unix socket. Everything lives in one directory;
# nothing outside it changes except the Debian packages it installs.
#
#   cloud-fixture.sh install              install the packages that are missing
#   cloud-fixture.sh start DIR [LOGDIR]   configure and start everything in DIR
#   cloud-fixture.sh stop DIR             stop exactly what start started
#   cloud-fixture.sh run DIR LOGDIR -- COMMAND [ARG…]
#                                         start, run COMMAND with the cloud's
#                                         environment, stop (also on failure)
#   cloud-fixture.sh env DIR              print the environment (sh syntax)
#   cloud-fixture.sh sql DIR STATEMENT    run SQL on the neutron database
#
# DIR must not exist or be empty. After start, DIR/env holds the variables a
# test needs (TN_REAL_IDENTITY_URL, TN_REAL_USER, …, mode 0600: passwords are
# random per run and never printed). Logs go to LOGDIR (default DIR/logs).
# Only 127.0.0.1 and a unix socket in DIR are ever listened on.
set -euo pipefail

PACKAGES="keystone neutron-server python3-neutron-vpnaas mariadb-server"
PY=/usr/bin/python3    # Debian's, with the OpenStack modules (not a pyenv one)
# The servers are Debian's Python programs: nothing of another Python's
# environment may leak into them.
unset PYTHONHOME PYTHONPATH
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log () { printf '# fixture: %s\n' "$*" >&2; }
die () { printf '# fixture: error: %s\n' "$*" >&2; exit 1; }

now () { date +%s.%N; }
since () { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

missing_packages () {
  local p s out=""
  for p in $PACKAGES; do
    s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$s" = installed ] || out="$out $p"
  done
  printf '%s' "$out"
}

# The pids of server processes, so installing never leaves one running.
# (From /proc: procps may not be installed yet.)
server_pids () {
  local f cmd
  for f in /proc/[0-9]*/cmdline; do
    cmd=$(tr '\0' ' ' 2>/dev/null < "$f") || continue
    case "$cmd" in
      *mariadbd*|*mysqld*|*neutron-server*|*keystone-wsgi*|*uwsgi*keystone*)
        f=${f#/proc/}; echo "${f%/cmdline}" ;;
    esac
  done
}

cmd_install () {
  local missing before t policy=/usr/sbin/policy-rc.d backup="" tmp
  missing=$(missing_packages)
  if [ -z "$missing" ]; then
    log "packages present:$PACKAGES"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "missing packages:$missing"
    log "install them with: sudo apt-get install -y --no-install-recommends$missing"
    return 77
  fi
  t=$(now)
  before=$(server_pids | sort)
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/tunnels-install.XXXXXX")
  # Debian's own services must not start: policy-rc.d exiting 101 tells
  # invoke-rc.d not to. An existing policy is put back afterwards.
  if [ -e "$policy" ] || [ -L "$policy" ]; then
    backup="$tmp/policy-rc.d"
    cp -a "$policy" "$backup"
  fi
  restore_policy () {
    if [ -n "$backup" ]; then cp -a "$backup" "$policy"; else rm -f "$policy"; fi
    rm -rf "$tmp"
  }
  trap restore_policy EXIT
  printf '#!/bin/sh\n# Installed by tunnels cloud-fixture.sh for the duration of an install.\nexit 101\n' > "$policy.tunnels"
  chmod 755 "$policy.tunnels"
  mv -f "$policy.tunnels" "$policy"
  log "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q >&2
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing >&2
  restore_policy
  trap - EXIT
  log "installed in $(since "$t") s"
  local after extra
  after=$(server_pids | sort)
  extra=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep . || true)
  if [ -n "$extra" ]; then
    die "the install left Debian's services running (pids: $(echo $extra)); stop them with the init scripts"
  fi
}

# A free TCP port on 127.0.0.1.
free_port () {
  $PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

random_secret () {
  head -c 24 /dev/urandom | base64 | tr -d '/+=\n'
}

fernet_key () {
  head -c 32 /dev/urandom | base64 | tr '+/' '-_'
}

# wait_http URL PID NAME SECONDS: until URL answers (any HTTP status).
wait_http () {
  local url=$1 pid=$2 name=$3 limit=$4 i=0
  while :; do
    if $PY - "$url" <<'EOP' 2>/dev/null; then return 0; fi
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=5).close()
except urllib.error.HTTPError:
    pass
EOP
    kill -0 "$pid" 2>/dev/null || { show_logs; die "$name exited before answering"; }
    i=$((i + 1))
    [ $i -lt $((limit * 5)) ] || { show_logs; die "$name did not answer within $limit s"; }
    sleep 0.2
  done
}

show_logs () {
  local f
  for f in "$LOGDIR"/*.log; do
    [ -s "$f" ] || continue
    printf '# ---- last lines of %s ----\n' "$f" >&2
    tail -n 40 "$f" | sed 's/^/# /' >&2
  done
}

# Start a server in the background; its pid goes to $pid and DIR/run/NAME.pid.
# Servers get their own session when kept up for debugging, so closing the
# shell leaves them up; under `run` they stay in our process group so a
# harness that kills the group also reaches them.
spawn () {
  local name=$1; shift
  # The test harness's malloc checks are for our code, not the servers'.
  if [ "${FIXTURE_DETACH:-0}" = 1 ]; then
    setsid env -u MALLOC_CHECK_ -u MALLOC_PERTURB_ "$@" </dev/null >>"$LOGDIR/$name.out" 2>&1 &
  else
    env -u MALLOC_CHECK_ -u MALLOC_PERTURB_ "$@" </dev/null >>"$LOGDIR/$name.out" 2>&1 &
  fi
  echo $! > "$DIR/run/$name.pid"
  pid=$!
}

# Every descendant of a pid, from /proc (parents before children).
descendants () {
  local parent=$1 f st state ppid child
  for f in /proc/[0-9]*/stat; do
    read -r st 2>/dev/null < "$f" || continue
    st=${st##*) }              # the fields after "pid (comm) "
    read -r state ppid _ <<< "$st"
    [ "$ppid" = "$parent" ] || continue
    child=${f#/proc/}
    child=${child%/stat}
    echo "$child"
    descendants "$child"
  done
}

# our_pids NAME: the recorded pid of NAME and its descendants, if it still
# runs and is still ours (its command line names our directory).
our_pids () {
  local name=$1 file="$DIR/run/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  rm -f "$file"
  kill -0 "$pid" 2>/dev/null || return 0
  if ! tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | grep -qF "$DIR"; then
    log "pid $pid of $name is no longer ours; left alone"
    return 0
  fi
  echo "$pid"
  descendants "$pid"
}

# Stop every server at once: TERM, up to 10 s to go, then KILL.
cmd_stop () {
  local pids p i alive
  DIR=$(cd "$1" && pwd)
  LOGDIR=${LOGDIR:-$DIR/logs}
  pids="$(our_pids neutron-server) $(our_pids keystone) $(our_pids mariadb)"
  pids=$(echo $pids)
  [ -n "$pids" ] || return 0
  kill -TERM $pids 2>/dev/null || true
  for i in $(seq 1 100); do
    alive=""
    for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
    [ -n "$alive" ] || break
    sleep 0.1
  done
  for p in $pids; do kill -KILL "$p" 2>/dev/null || true; done
  # Reap those that are our children.
  wait 2>/dev/null || true
}

write_configs () {
  local sock=$DIR/run/mysqld.sock
  local db="mysql+pymysql://root@localhost/%s?unix_socket=$sock&charset=utf8"
  mkdir -p "$DIR/etc/keystone" "$DIR/etc/neutron" "$DIR/keystone/fernet-keys" \
    "$DIR/keystone/credential-keys" "$DIR/neutron/state" "$DIR/neutron/lock"
  # Fernet and credential keys are 32 random bytes in url-safe base64, one
  # file per key; writing them spares two keystone-manage runs.
  fernet_key > "$DIR/keystone/fernet-keys/0"
  fernet_key > "$DIR/keystone/fernet-keys/1"
  fernet_key > "$DIR/keystone/credential-keys/0"
  fernet_key > "$DIR/keystone/credential-keys/1"
  chmod 700 "$DIR/keystone/fernet-keys" "$DIR/keystone/credential-keys"
  chmod 600 "$DIR"/keystone/*-keys/*

  cat > "$DIR/etc/keystone/keystone.conf" <<EOC
[DEFAULT]
log_dir = $LOGDIR
log_file = keystone.log
use_stderr = false
[database]
connection = $(printf "$db" keystone)
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = $DIR/keystone/fernet-keys
[fernet_receipts]
key_repository = $DIR/keystone/fernet-keys
[credential]
key_repository = $DIR/keystone/credential-keys
[catalog]
driver = sql
[cache]
; Without a cache every token validation costs ~0.6 s here. One uwsgi
; process (with threads) keeps the in-memory cache coherent: revoking a
; token is seen at once.
enabled = true
backend = dogpile.cache.memory
[oslo_policy]
enforce_new_defaults = false
EOC

  cat > "$DIR/etc/keystone/uwsgi.ini" <<EOC
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$KEYSTONE_PORT
wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_DIR=$DIR/etc/keystone
master = true
die-on-term = true
need-app = true
processes = 1
threads = 4
buffer-size = 65535
; uwsgi's http-socket keeps no connection alive: say so to clients
add-header = Connection: close
logto = $LOGDIR/keystone-uwsgi.log
EOC

  cat > "$DIR/etc/neutron/neutron.conf" <<EOC
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $NEUTRON_PORT
core_plugin = ml2
service_plugins = router,vpnaas
auth_strategy = keystone
transport_url = fake:/
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 0
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
state_path = $DIR/neutron/state
api_paste_config = /etc/neutron/api-paste.ini
log_dir = $LOGDIR
log_file = neutron-server.log
use_stderr = false
debug = false
[database]
connection = $(printf "$db" neutron)
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:$KEYSTONE_PORT
auth_url = http://127.0.0.1:$KEYSTONE_PORT
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = neutron
password = $NEUTRON_PASSWORD
; no in-process token cache: a revoked token is refused at once (the 401 test)
token_cache_time = -1
[oslo_concurrency]
lock_path = $DIR/neutron/lock
[oslo_messaging_notifications]
driver = noop
[agent]
root_helper = false
[ml2]
type_drivers = flat,vxlan
tenant_network_types = vxlan
mechanism_drivers =
extension_drivers = port_security
[ml2_type_flat]
flat_networks = *
[ml2_type_vxlan]
vni_ranges = 1:1000
[service_providers]
service_provider = VPN:strongswan:neutron_vpnaas.services.vpn.service_drivers.ipsec.IPsecVPNDriver:default
EOC

  # A client defaults file: how tests reach the neutron database.
  cat > "$DIR/etc/client.cnf" <<EOC
[client]
socket = $sock
user = root
EOC
  chmod 600 "$DIR"/etc/keystone/*.conf "$DIR"/etc/neutron/*.conf "$DIR/etc/client.cnf"
}

cmd_start () {
  local t0 t pid
  DIR=$1
  mkdir -p "$DIR"
  DIR=$(cd "$DIR" && pwd)
  [ -z "$(ls -A "$DIR")" ] || die "$DIR is not empty"
  chmod 700 "$DIR"
  LOGDIR=${2:-$DIR/logs}
  mkdir -p "$LOGDIR" "$DIR/run" "$DIR/db"
  LOGDIR=$(cd "$LOGDIR" && pwd)
  [ -z "$(missing_packages)" ] || die "missing packages:$(missing_packages) (run: $0 install)"
  t0=$(now)

  KEYSTONE_PORT=$(free_port)
  NEUTRON_PORT=$(free_port)
  while [ "$NEUTRON_PORT" = "$KEYSTONE_PORT" ]; do NEUTRON_PORT=$(free_port); done
  ADMIN_PASSWORD=$(random_secret)
  DEMO_PASSWORD=$(random_secret)
  NEUTRON_PASSWORD=$(random_secret)
  write_configs

  # The database: system tables, then the server on a private socket.
  t=$(now)
  mariadb-install-db --no-defaults --datadir="$DIR/db" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db \
    --skip-name-resolve >"$LOGDIR/mariadb-install.log" 2>&1 \
    || { show_logs; die "mariadb-install-db failed"; }
  spawn mariadb mariadbd --no-defaults --datadir="$DIR/db" \
    --socket="$DIR/run/mysqld.sock" --pid-file="$DIR/run/mysqld.pid" \
    --skip-networking --user="$(id -un)" --log-error="$LOGDIR/mariadb.log" \
    --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --sync-binlog=0 \
    --skip-log-bin --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
  local i=0
  until mariadb --defaults-file="$DIR/etc/client.cnf" -e 'SELECT 1' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { show_logs; die "mariadbd exited"; }
    i=$((i + 1)); [ $i -lt 300 ] || { show_logs; die "mariadbd did not start"; }
    sleep 0.1
  done
  mariadb --defaults-file="$DIR/etc/client.cnf" -e \
    'CREATE DATABASE keystone CHARACTER SET utf8; CREATE DATABASE neutron CHARACTER SET utf8;'
  log "database up in $(since "$t") s"

  # Keystone's schema and the migrations of neutron and neutron-vpnaas run
  # side by side: both are mostly Python start-up.
  t=$(now)
  keystone-manage --config-file "$DIR/etc/keystone/keystone.conf" db_sync \
    >"$LOGDIR/keystone-db-sync.log" 2>&1 &
  local ks_sync=$!
  neutron-db-manage --config-file "$DIR/etc/neutron/neutron.conf" upgrade heads \
    >"$LOGDIR/neutron-db-manage.log" 2>&1 &
  local nt_sync=$!
  wait $ks_sync || { show_logs; wait $nt_sync || true; die "keystone-manage db_sync failed"; }
  log "keystone db_sync in $(since "$t") s"
  t=$(now)
  keystone-manage --config-file "$DIR/etc/keystone/keystone.conf" bootstrap \
    --bootstrap-username admin --bootstrap-project-name admin \
    --bootstrap-role-name admin --bootstrap-password "$ADMIN_PASSWORD" \
    --bootstrap-region-id RegionOne \
    --bootstrap-admin-url "http://127.0.0.1:$KEYSTONE_PORT/v3/" \
    --bootstrap-internal-url "http://127.0.0.1:$KEYSTONE_PORT/v3/" \
    --bootstrap-public-url "http://127.0.0.1:$KEYSTONE_PORT/v3/" \
    >"$LOGDIR/keystone-bootstrap.log" 2>&1 \
    || { show_logs; die "keystone-manage bootstrap failed"; }
  log "keystone bootstrap in $(since "$t") s"
  t=$(now)
  spawn keystone uwsgi --ini "$DIR/etc/keystone/uwsgi.ini"
  wait_http "http://127.0.0.1:$KEYSTONE_PORT/v3" "$pid" keystone 120
  log "keystone answers in $(since "$t") s"

  # The project, user, service user and network endpoint, through the API.
  t=$(now)
  ADMIN_PASSWORD=$ADMIN_PASSWORD DEMO_PASSWORD=$DEMO_PASSWORD NEUTRON_PASSWORD=$NEUTRON_PASSWORD \
    $PY "$HERE/fixture-keystone.py" "http://127.0.0.1:$KEYSTONE_PORT" \
    "http://127.0.0.1:$NEUTRON_PORT" >"$LOGDIR/keystone-accounts.log" 2>&1 \
    || { show_logs; cat "$LOGDIR/keystone-accounts.log" >&2; die "creating the accounts failed"; }
  log "accounts and catalog in $(since "$t") s"

  t=$(now)
  wait $nt_sync || { show_logs; die "neutron-db-manage upgrade heads failed"; }
  log "neutron migrations done $(since "$t") s after the accounts"
  t=$(now)
  spawn neutron-server neutron-server --config-file "$DIR/etc/neutron/neutron.conf"
  wait_http "http://127.0.0.1:$NEUTRON_PORT/" "$pid" neutron-server 180
  log "neutron-server answers in $(since "$t") s"

  umask 077
  cat > "$DIR/env" <<EOC
TN_REAL_IDENTITY_URL=http://127.0.0.1:$KEYSTONE_PORT
TN_REAL_NETWORK_URL=http://127.0.0.1:$NEUTRON_PORT
TN_REAL_REGION=RegionOne
TN_REAL_USER=demo
TN_REAL_PASSWORD=$DEMO_PASSWORD
TN_REAL_PROJECT=demo
TN_REAL_DOMAIN=Default
TN_REAL_ADMIN_USER=admin
TN_REAL_ADMIN_PASSWORD=$ADMIN_PASSWORD
TN_REAL_ADMIN_PROJECT=admin
TN_REAL_DB_SOCKET=$DIR/run/mysqld.sock
TN_REAL_DB_DEFAULTS=$DIR/etc/client.cnf
TN_REAL_DB_NAME=neutron
TN_REAL_FIXTURE_DIR=$DIR
EOC
  log "cloud up in $(since "$t0") s (keystone :$KEYSTONE_PORT, neutron :$NEUTRON_PORT, logs in $LOGDIR)"
}

cmd_run () {
  local dir=$1 logdir=$2 status=0
  shift 2
  [ "${1:-}" = -- ] && shift
  mkdir -p "$dir"
  DIR=$(cd "$dir" && pwd)
  LOGDIR=$logdir
  # Whatever happens from here on, stop what was started.
  trap 'cmd_stop "$DIR"' EXIT
  trap 'exit 143' TERM
  trap 'exit 130' INT
  cmd_start "$dir" "$logdir"
  set -a
  # shellcheck disable=SC1091
  . "$DIR/env"
  set +a
  "$@" || status=$?
  if [ $status -ne 0 ]; then show_logs; fi
  return $status
}

case "${1:-}" in
  install) cmd_install ;;
  start)
    [ $# -ge 2 ] || die "usage: $0 start DIR [LOGDIR]"
    FIXTURE_DETACH=1
    DIR=$2
    trap 'status=$?; [ $status -eq 0 ] || cmd_stop "$DIR"' EXIT
    cmd_start "$2" "${3:-}"
    trap - EXIT
    ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; cmd_stop "$2" ;;
  run) [ $# -ge 4 ] || die "usage: $0 run DIR LOGDIR -- COMMAND…"; cmd_run "${@:2}" ;;
  env) cat "$2/env" ;;
  sql)
    [ $# -eq 3 ] || die "usage: $0 sql DIR STATEMENT"
    mariadb --defaults-file="$2/etc/client.cnf" -D neutron -e "$3" ;;
  *) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
