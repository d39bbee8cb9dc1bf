#!/usr/bin/env bash
# Follows deploy/README.md ("several nodes") on this machine, every service on 127.0.0.1: a throwaway
# PostgreSQL cluster, Redis, an S3-compatible bucket (rclone serve s3), the environment file made from
# deploy/rekrut.env.example, `rekrut release` on two nodes at once, two web nodes and two workers started
# with the ExecStart lines of deploy/systemd/*.service, and nginx from deploy/nginx/rekrut.conf (plain
# HTTP on a loopback port). Then it checks through nginx what a user and an operator would: readiness,
# static files, a sign-in that holds across both nodes, the client address behind the proxy, workers.
# Run as root from the repository after `make setup` (needs postgresql, redis-server, nginx-light).
# Usage: deploy/try-on-loopback.sh        Exit status 0 when every check passed; everything is stopped.
set -euo pipefail

cd "$(dirname "$0")/.."
REPO=$(pwd)
PG_PORT=${PG_PORT:-55452}
WORK=$(mktemp -d /tmp/rekrut-loopback.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin | sort -V | tail -n 1)

say() { printf '\n== %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
free_port() { "$REPO/.venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
as_postgres() { runuser -u postgres -- "$@"; }

cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$WORK/pg/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" stop -m fast -w >/dev/null 2>&1
  if [ "$rc" -ne 0 ]; then
    for log in "$WORK"/*.log "$WORK"/pg/*.log; do [ -f "$log" ] && { echo "--- $log"; tail -n 30 "$log"; }; done
  fi
  rm -rf "$WORK"
  [ "$rc" -eq 0 ] && echo "try-on-loopback: every check passed" || echo "try-on-loopback: FAILED"
}
trap cleanup EXIT

# The ExecStart line of a systemd unit, with this checkout in place of /srv/rekrut/app and %i filled in.
unit_command() { sed -n 's/^ExecStart=//p' "deploy/systemd/$1" | sed "s|/srv/rekrut/app|$REPO|g; s|%i|${2:-}|g"; }

# Exports the environment file's KEY=value lines as systemd's EnvironmentFile reads them (no shell quoting).
load_env() { while IFS= read -r line; do [[ $line =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] && export "$line"; done <"$WORK/rekrut.env"; true; }

# A node runs its unit's command with the environment file, as systemd's EnvironmentFile does.
run_node() {
  local name=$1 unit=$2 instance=$3; shift 3
  (load_env; export REKRUT_VAR_DIR="$WORK/$name" "$@"
   exec $(unit_command "$unit" "$instance")) >"$WORK/$name-${unit%%.*}$instance.log" 2>&1 &
  PIDS+=($!)
}

wait_http() {  # URL, what
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  fail "$2 did not answer at $1"
}

say "Shared services: PostgreSQL on 127.0.0.1:$PG_PORT, Redis, the bucket"
mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" --username=postgres --auth-local=trust --auth-host=scram-sha-256 \
  >"$WORK/initdb.log"
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/postgres.log" -w start \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null
as_postgres "$PG_BIN/psql" -h /tmp -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE rekrut LOGIN PASSWORD 'loopback'" -c "CREATE DATABASE rekrut OWNER rekrut"
REDIS_PORT=$(free_port)
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK/redis" --save "" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
S3_PORT=$(free_port)
S3_KEY=$(openssl rand -hex 10) S3_SECRET=$(openssl rand -hex 20)
mkdir -p "$WORK/s3/rekrut-files"
"$REPO/.venv/bin/rclone" serve s3 "$WORK/s3" --addr "127.0.0.1:$S3_PORT" --auth-key "$S3_KEY,$S3_SECRET" \
  --force-path-style=true --config /dev/null >"$WORK/rclone.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/" && break; sleep 0.1; done

say "Step 3: the environment file, from deploy/rekrut.env.example"
NGINX_PORT=$(free_port) WEB1_PORT=$(free_port) WEB2_PORT=$(free_port)
SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')  # the guide's command
set_var() { grep -q "^#\?$1=" "$WORK/rekrut.env" || fail "rekrut.env.example has no $1"; sed -i "s|^#\?$1=.*|$1=$2|" "$WORK/rekrut.env"; }
cp deploy/rekrut.env.example "$WORK/rekrut.env"
set_var SECRET_KEY "$SECRET_KEY"
set_var ALLOWED_HOSTS "127.0.0.1,localhost"
set_var CSRF_TRUSTED_ORIGINS "http://127.0.0.1:$NGINX_PORT"
set_var REKRUT_SITE_URL "http://127.0.0.1:$NGINX_PORT"
set_var REKRUT_HTTPS 0  # nginx listens without TLS here
set_var REKRUT_TRUSTED_PROXIES 1
set_var DATABASE_URL "postgres://rekrut:loopback@127.0.0.1:$PG_PORT/rekrut"
set_var REKRUT_S3_BUCKET rekrut-files
set_var REKRUT_S3_ENDPOINT_URL "http://127.0.0.1:$S3_PORT"
set_var REKRUT_S3_ACCESS_KEY_ID "$S3_KEY"
set_var REKRUT_S3_SECRET_ACCESS_KEY "$S3_SECRET"
set_var REDIS_URL "redis://127.0.0.1:$REDIS_PORT/0"
set_var EMAIL_HOST 127.0.0.1
set_var EMAIL_PORT "$(free_port)"  # no mail server: messages wait in the outbox
set_var EMAIL_USE_TLS 0
set_var WEB_CONCURRENCY 2

say "Without SECRET_KEY a node refuses to start (rekrut.E002)"
if (load_env; unset SECRET_KEY; REKRUT_VAR_DIR="$WORK/nokey" .venv/bin/rekrut check \
    >"$WORK/nokey.log" 2>&1); then fail "a node started without SECRET_KEY"; fi
grep -q "rekrut.E002" "$WORK/nokey.log" || fail "the refusal does not name rekrut.E002"

say "Step 4: rekrut-release.service on two nodes at the same time (they take turns)"
(load_env; export REKRUT_VAR_DIR="$WORK/web-1"; $(unit_command rekrut-release.service)) \
  >"$WORK/web-1-release.log" 2>&1 & R1=$!
(load_env; export REKRUT_VAR_DIR="$WORK/web-2"; $(unit_command rekrut-release.service)) \
  >"$WORK/web-2-release.log" 2>&1 & R2=$!
wait $R1 || fail "release on web-1"
wait $R2 || fail "release on web-2"
grep -q "release: done" "$WORK/web-1-release.log" && grep -q "release: done" "$WORK/web-2-release.log"

say "Step 4: two web nodes (rekrut-web.service) and the workers (rekrut-worker@default, @bulk)"
run_node web-1 rekrut-web.service "" REKRUT_BIND="127.0.0.1:$WEB1_PORT"
run_node web-2 rekrut-web.service "" REKRUT_BIND="127.0.0.1:$WEB2_PORT"
run_node worker rekrut-worker@.service default
run_node worker rekrut-worker@.service bulk
wait_http "http://127.0.0.1:$WEB1_PORT/healthz/ready" web-1
wait_http "http://127.0.0.1:$WEB2_PORT/healthz/ready" web-2

say "Step 5: nginx from deploy/nginx/rekrut.conf on 127.0.0.1:$NGINX_PORT"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
# The site as written, for loopback: no TLS and no redirect server, this machine's nodes and folders.
awk -v web1="127.0.0.1:$WEB1_PORT" -v web2="127.0.0.1:$WEB2_PORT" -v listen="127.0.0.1:$NGINX_PORT" '
  /^# Plain HTTP only redirects/ { exit }
  /# web-1$/ { sub(/10\.0\.0\.11:8000/, web1) }
  /# web-2$/ { sub(/10\.0\.0\.12:8000/, web2) }
  /# TLS/ && /listen/ { print "    listen " listen ";"; next }
  /# TLS$/ { next }
  { print }' deploy/nginx/rekrut.conf | sed "s|/var/lib/rekrut/media/|$WORK/web-1/media/|" >"$WORK/nginx/site.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log $WORK/nginx/logs/access.log;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  include $WORK/nginx/site.conf;
}
EOF
nginx -t -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$WORK/nginx-test.log" 2>&1 || fail "nginx -t"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
PIDS+=($!)
SITE="http://127.0.0.1:$NGINX_PORT"
wait_http "$SITE/healthz/live" nginx

say "Checks through nginx"
ready=$(curl -fsS "$SITE/healthz/ready")
echo "$ready"
[ "$ready" = '{"database": "ok", "storage": "ok", "cache": "ok", "status": "ok"}' ] || fail "not ready: $ready"

css=$(curl -fsS "$SITE/accounts/login/" | grep -o '/static/rekrut/rekrut\.[0-9a-f]*\.css' | head -n 1)
curl -fsS -o /dev/null "$SITE$css" || fail "static file $css"

(load_env; export REKRUT_VAR_DIR="$WORK/web-1"
 .venv/bin/rekrut shell -c "
from rekrut.accounts.models import Role, User
User.objects.create_user('sari', 'sari@example.co.id', 'Loopback-Try-2026', role=Role.HR_ADMIN)") \
  >"$WORK/user.log" 2>&1 || fail "creating the HR admin"
jar="$WORK/cookies"
curl -fsS -c "$jar" -b "$jar" -o /dev/null "$SITE/accounts/login/"
token=$(awk '$6 == "csrftoken" { print $7 }' "$jar")
code=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' -H "X-Forwarded-For: 6.6.6.6" \
  --data-urlencode "username=sari" --data-urlencode "password=Loopback-Try-2026" \
  --data-urlencode "csrfmiddlewaretoken=$token" -H "Referer: $SITE/accounts/login/" "$SITE/accounts/login/")
[ "$code" = 302 ] || fail "sign-in through nginx answered $code"
for _ in 1 2 3 4 5 6; do  # nginx takes turns between the two nodes: the session holds on both
  code=$(curl -sS -b "$jar" -o /dev/null -w '%{http_code}' "$SITE/jobs/")
  [ "$code" = 200 ] || fail "signed-in page answered $code"
done
grep -q '"GET /jobs/' "$WORK/web-1-rekrut-web.log" && grep -q '"GET /jobs/' "$WORK/web-2-rekrut-web.log" \
  || fail "nginx did not reach both nodes"

PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U rekrut -d rekrut -tA)
addresses=$(PGPASSWORD=loopback "${PSQL[@]}" -c "select string_agg(key, ' ') from accounts_attemptcounter")
echo "rate-limit counters: $addresses"
case "$addresses" in *6.6.6.6*) fail "the client's own X-Forwarded-For was trusted" ;; esac
case "$addresses" in *127.0.0.1*) ;; *) fail "no counter for the address nginx saw" ;; esac

for _ in $(seq 1 50); do
  workers=$(PGPASSWORD=loopback "${PSQL[@]}" -c "select count(*) from notifications_workerbeat")
  [ "$workers" = 2 ] && break; sleep 0.2
done
[ "$workers" = 2 ] || fail "expected two workers beating, saw $workers"
echo "two web nodes, two workers, nginx: ok"
