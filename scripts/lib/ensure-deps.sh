# Sourced by the scripts: installs what a fresh Debian machine with only Swift lacks.
ensure_libcmark() {
  if pkg-config --exists libcmark 2>/dev/null; then return 0; fi
  echo "installing libcmark-dev (CommonMark) ..." >&2
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libcmark-dev pkg-config >/dev/null
}
