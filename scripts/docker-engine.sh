#!/usr/bin/env bash
# A real Docker engine for the real-engine tests (test/engine), kept apart from any other Docker on the machine:
# its own socket, data root, exec root and pidfile, pulling through Debian's docker-registry on 127.0.0.1:5000
# (--registry-mirror), compose v2 built from the Go module proxy (pinned, cached by version) in a private
# DOCKER_CONFIG, and the test images built from Debian packages (dpkg -x → docker import) and pushed there under the
# names our unmodified compose files use. Needs root on Debian bookworm (apt-get). Idempotent: what already runs
# is kept.
#
#   bash scripts/docker-engine.sh up        install, start, build what is missing; prints the env to use
#   bash scripts/docker-engine.sh compose   only provide the compose plugin (slow cold: .ci/run starts it early)
#   bash scripts/docker-engine.sh env       print `export DOCKER_HOST=… DOCKER_CONFIG=…` when the engine answers
#   bash scripts/docker-engine.sh down      stop the registry and dockerd this script started (by their pidfiles)
#
# Settings (environment): AIC_ENGINE_DIR (runtime state, default /run/aic-docker), AIC_ENGINE_DATA (data roots,
# default /var/lib/aic-docker), AIC_ENGINE_CACHE (the compose binary, keyed by version; default .tools/engine).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
COMPOSE_VERSION=v2.28.1
NGINX_TAG=1.27-alpine # examples/awesome/tests/docker-compose.yml: nginx:${AWESOME_NGINX_VERSION:-1.27}-alpine
REGISTRY=127.0.0.1:5000
state=${AIC_ENGINE_DIR:-/run/aic-docker}
data=${AIC_ENGINE_DATA:-/var/lib/aic-docker}
cache=${AIC_ENGINE_CACHE:-$root/.tools/engine}
socket=$state/docker.sock
docker_config=$state/config

log() { printf '[docker-engine] %s\n' "$*" >&2; }
die() {
  printf '[docker-engine] error: %s\n' "$*" >&2
  exit 1
}
timed() { # timed LABEL COMMAND...: runs it and logs how long it took
  local label=$1 start=$SECONDS
  shift
  "$@"
  log "$label: $((SECONDS - start))s"
}
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

engine_env() {
  export DOCKER_HOST=unix://$socket DOCKER_CONFIG=$docker_config
}
engine_answers() { (engine_env && timeout 10 docker info --format '{{.ServerVersion}}' >/dev/null 2>&1); }
registry_answers() { curl -fs -o /dev/null --max-time 2 "http://$REGISTRY/v2/"; }

wait_for() { # wait_for WHAT SECONDS CHECK...
  local what=$1 limit=$2
  shift 2
  for _ in $(seq $((limit * 4))); do
    "$@" && return 0
    sleep 0.25
  done
  die "$what did not answer within ${limit}s"
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "installing ${missing[*]} needs root (apt-get); run as root or install them first"
  # The packages' init scripts must not start a second engine on /var/run/docker.sock or a registry of their own.
  local policy=/usr/sbin/policy-rc.d made_policy=
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  log "installing ${missing[*]} (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >"$state/apt.log" 2>&1 ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$state/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$state/apt.log" 2>&1; } ||
    { [ -n "$made_policy" ] && rm -f "$policy"; tail -20 "$state/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $state/apt.log)"; }
  [ -n "$made_policy" ] && rm -f "$policy"
  return 0
}

start_registry() {
  if registry_answers; then return 0; fi
  mkdir -p "$data/registry"
  cat >"$state/registry.yml" <<EOF
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $data/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY
EOF
  log "starting docker-registry on $REGISTRY (storage $data/registry, log $state/registry.log)"
  setsid docker-registry serve "$state/registry.yml" >>"$state/registry.log" 2>&1 </dev/null &
  echo $! >"$state/registry.pid"
  wait_for "docker-registry on $REGISTRY" 20 registry_answers
}

start_dockerd() {
  if engine_answers; then return 0; fi
  alive "$state/dockerd.pid" && die "dockerd ($(cat "$state/dockerd.pid")) runs but does not answer on $socket; see $state/dockerd.log"
  mkdir -p "$data/docker" "$state/exec"
  log "starting dockerd on $socket (data root $data/docker, log $state/dockerd.log)"
  setsid dockerd \
    --host "unix://$socket" \
    --data-root "$data/docker" \
    --exec-root "$state/exec" \
    --pidfile "$state/dockerd.pid" \
    --registry-mirror "http://$REGISTRY" \
    >>"$state/dockerd.log" 2>&1 </dev/null &
  wait_for "dockerd on $socket" 60 engine_answers
}

compose_binary() { echo "$cache/compose-$COMPOSE_VERSION/docker-compose"; }

provide_compose() {
  local binary
  binary=$(compose_binary)
  mkdir -p "$cache"
  # One build at a time: `up` waits here for the one `compose` started in the background.
  exec 9>"$cache/compose.lock"
  flock 9
  if [ ! -x "$binary" ]; then
    command -v go >/dev/null 2>&1 || die "go is not on PATH: compose $COMPOSE_VERSION is built from the Go module proxy"
    local build
    build=$(mktemp -d)
    log "building compose $COMPOSE_VERSION from the Go module proxy (cold: minutes; cached in $(dirname "$binary"))"
    GOBIN=$build GOFLAGS=-buildvcs=false go install -trimpath \
      -ldflags "-s -w -X github.com/docker/compose/v2/internal.Version=$COMPOSE_VERSION" \
      "github.com/docker/compose/v2/cmd@$COMPOSE_VERSION" >"$build/go.log" 2>&1 ||
      { tail -20 "$build/go.log" >&2; die "go install of compose $COMPOSE_VERSION failed"; }
    mkdir -p "$(dirname "$binary")"
    mv "$build/cmd" "$binary.partial" && mv "$binary.partial" "$binary"
    rm -rf "$build"
  fi
  mkdir -p "$docker_config/cli-plugins"
  ln -sf "$binary" "$docker_config/cli-plugins/docker-compose"
  [ -f "$docker_config/config.json" ] || echo '{}' >"$docker_config/config.json"
  flock -u 9
}

# nginx as the official image behaves where our tests look: serves /usr/share/nginx/html on port 80, access log on
# stdout (docker logs), in the foreground; busybox gives it the sh and sleep compose `command:`s use.
NGINX_PACKAGES=(nginx nginx-common libc6 libssl3 libpcre2-8-0 zlib1g libcrypt1 busybox-static)
# Bump when the recipe below changes: the registry keeps the image built by the recipe tagged with it.
NGINX_RECIPE=2

build_nginx_image() {
  local image=$REGISTRY/library/nginx:$NGINX_TAG recipe=$REGISTRY/library/nginx:aic-recipe-$NGINX_RECIPE
  if curl -fs -o /dev/null --max-time 5 -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REGISTRY/v2/library/nginx/manifests/aic-recipe-$NGINX_RECIPE"; then
    return 0
  fi
  local work
  work=$(mktemp -d)
  log "building $image from Debian packages (${NGINX_PACKAGES[*]})"
  (cd "$work" && apt-get download -q "${NGINX_PACKAGES[@]}" >download.log 2>&1) ||
    { tail -5 "$work/download.log" >&2; die "apt-get download of the nginx image's packages failed"; }
  local rootfs=$work/rootfs
  mkdir -p "$rootfs"
  for deb in "$work"/*.deb; do dpkg -x "$deb" "$rootfs"; done
  (
    cd "$rootfs"
    mkdir -p bin tmp run var/log/nginx var/lib/nginx var/cache/nginx usr/share/nginx/html etc/nginx/conf.d
    chmod 1777 tmp
    busybox=
    for candidate in bin/busybox usr/bin/busybox; do [ -x "$candidate" ] && busybox=$candidate; done
    [ -n "$busybox" ] || die "busybox-static has no busybox in bin/ or usr/bin/"
    for tool in sh sleep echo cat ls wget; do [ "bin/$tool" = "$busybox" ] || ln -sf "/$busybox" "bin/$tool"; done
    [ -e lib64 ] || ln -s usr/lib64 lib64 2>/dev/null || true
    printf 'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/var/cache/nginx:/bin/sh\n' >etc/passwd
    printf 'root:x:0:\nnginx:x:101:\n' >etc/group
    ln -sf /dev/stdout var/log/nginx/access.log
    ln -sf /dev/stderr var/log/nginx/error.log
    cat >etc/nginx/nginx.conf <<'EOF'
user nginx;
worker_processes 1;
error_log /dev/stderr notice;
pid /run/nginx.pid;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log /dev/stdout;
  sendfile on;
  server {
    listen 80;
    server_name localhost;
    location / { root /usr/share/nginx/html; index index.html; }
  }
}
EOF
    echo '<h1>Welcome to nginx (built from Debian packages)</h1>' >usr/share/nginx/html/index.html
  )
  engine_env
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["nginx", "-g", "daemon off;"]' \
    --change 'EXPOSE 80' \
    - "$image" >/dev/null
  docker run --rm "$image" sh -c 'nginx -t' >"$work/nginx-t.log" 2>&1 ||
    { cat "$work/nginx-t.log" >&2; die "the nginx image does not start (nginx -t)"; }
  docker tag "$image" "$recipe"
  docker push -q "$image" >/dev/null
  docker push -q "$recipe" >/dev/null
  rm -rf "$work"
}

print_env() { printf 'export DOCKER_HOST=unix://%s DOCKER_CONFIG=%s\n' "$socket" "$docker_config"; }

stop_pidfile() { # stop_pidfile NAME FILE: SIGTERM, then SIGKILL after 20 s
  local name=$1 file=$2
  alive "$file" || { rm -f "$file"; return 0; }
  local pid
  pid=$(cat "$file")
  log "stopping $name ($pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}

case ${1:-up} in
  up)
    mkdir -p "$state"
    timed "packages (docker.io, docker-registry)" install_packages
    timed "registry" start_registry
    timed "dockerd" start_dockerd
    timed "compose $COMPOSE_VERSION" provide_compose
    timed "images" build_nginx_image
    engine_env
    log "ready: $(docker version --format 'engine {{.Server.Version}}, client {{.Client.Version}}'), $(docker compose version --short | sed 's/^/compose /')"
    print_env
    ;;
  compose) mkdir -p "$state" && timed "compose $COMPOSE_VERSION" provide_compose ;;
  env) engine_answers && print_env ;;
  down)
    stop_pidfile dockerd "$state/dockerd.pid"
    stop_pidfile docker-registry "$state/registry.pid"
    ;;
  *) die "unknown command '$1' (up, compose, env, down)" ;;
esac
