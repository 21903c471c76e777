# Sourced by the scripts: installs what a fresh Debian machine with only Swift lacks.
#   libcmark-dev      markdown (CommonMark reference implementation)
#   libvips-dev       photos
#   libpango1.0-dev, libpng-dev   social cards: text drawn by pango and cairo, written by libpng
#                                 (both come with libvips-dev; named so that neither is missed)
#   libxlsxwriter-dev the one-door form written as .xlsx (congkhai template)
#   libxml2-dev       the worksheets of .xlsx exports read as a stream (congkhai import)
ensure_system_libraries() {
  if pkg-config --exists libcmark vips pangocairo libpng xlsxwriter libxml-2.0 2>/dev/null; then return 0; fi
  echo "installing libcmark-dev, libvips-dev, libpango1.0-dev, libpng-dev, libxlsxwriter-dev, libxml2-dev ..." >&2
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    libcmark-dev libvips-dev libpango1.0-dev libpng-dev libxlsxwriter-dev libxml2-dev pkg-config >/dev/null
}

# What scripts/publish needs beyond the build: rsync and ssh to deploy, git restore-mtime (file
# times from history, for incremental publishing) and python3 (the unit list as JSON).
ensure_publish_tools() {
  if command -v rsync >/dev/null && command -v ssh >/dev/null && command -v python3 >/dev/null \
    && command -v git-restore-mtime >/dev/null; then return 0; fi
  echo "installing rsync, openssh-client, git-restore-mtime, python3 ..." >&2
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    rsync openssh-client git git-restore-mtime python3 >/dev/null
}
