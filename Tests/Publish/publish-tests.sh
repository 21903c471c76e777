#!/usr/bin/env bash
# Tests of scripts/publish, the steps the CI workflows run: check, the report gate, a build, the
# unit list and a unit's build, and deploying the real site to a local folder and over rsync+SSH
# to an sshd started here on loopback (127.0.0.1, a free port, keys made for the test).
#   Tests/Publish/publish-tests.sh        (needs a release build: scripts/build-site or scripts/publish setup)
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/ensure-deps.sh
ensure_publish_tools
# sshd, for the deploy over SSH to loopback (the server side, which a CI runner lacks).
if ! command -v sshd >/dev/null; then
  sudo=""; if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openssh-server >/dev/null 2>&1 || true
fi

work=$(mktemp -d)
sshd_pid=""
cleanup() {
  if [ -n "$sshd_pid" ]; then kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL $1"; [ -f "$work/log" ] && sed 's/^/     /' "$work/log" | tail -15; }
expect() { # expect NAME COMMAND...: the command exits 0
  local name=$1; shift
  if "$@" >"$work/log" 2>&1; then ok "$name"; else not_ok "$name"; fi
}
expect_fail() { # expect_fail NAME PATTERN COMMAND...: the command exits non-zero, saying PATTERN
  local name=$1 pattern=$2; shift 2
  if "$@" >"$work/log" 2>&1; then not_ok "$name (exited 0)"
  elif grep -q -- "$pattern" "$work/log"; then ok "$name"
  else not_ok "$name (no \"$pattern\")"; fi
}

export BUILD_DATE=2021-11-20 OUTPUT="$work/Public" UNITS_OUTPUT="$work/units"
[ -x .build/release/congkhai ] || swift build -c release --product congkhai >&2

expect "check passes on the real content" scripts/publish check

# The report goes to the job summary; the gate decides whether units behind fail the job.
export GITHUB_STEP_SUMMARY="$work/summary.md"
expect "report with REPORT_GATE=warn exits 0" env REPORT_GATE=warn scripts/publish report
if grep -q '^# ' "$work/summary.md" && grep -q '^| Mục | Chỉ tiêu' "$work/summary.md"; then ok "report is written as markdown into the job summary"; else not_ok "report is written as markdown into the job summary"; fi
expect_fail "report with REPORT_GATE=fail fails while units are behind" "REPORT_GATE=fail" env REPORT_GATE=fail scripts/publish report
expect_fail "an unknown REPORT_GATE is refused" "warn or fail" env REPORT_GATE=maybe scripts/publish report
unset GITHUB_STEP_SUMMARY

expect "build for the day writes the site" scripts/publish build
if [ -f "$work/Public/index.html" ] && [ -f "$work/Public/du-lieu/datapackage.json" ]; then ok "the built site has its home page and open data"; else not_ok "the built site has its home page and open data"; fi

# Units of publish_units, as the matrix jobs get them.
units=$(scripts/publish units 2>"$work/log")
if [ "$units" = '["phuong-5"]' ]; then ok "units lists site.yml's publish_units as JSON"; else not_ok "units lists site.yml's publish_units as JSON (got $units)"; fi
expect "unit phuong-5 builds the unit's pages" scripts/publish unit phuong-5
if [ -f "$work/units/phuong-5/don-vi/phuong-5/index.html" ] && [ ! -e "$work/units/phuong-5/don-vi/phuong-1" ]; then ok "the unit build holds that unit's page only"; else not_ok "the unit build holds that unit's page only"; fi
scripts/publish gitlab-units > "$work/units-pipeline.yml" 2>"$work/log"
schema_tool="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/check-jsonschema"
[ -x "$schema_tool" ] || { python3 -m pip install -q check-jsonschema >/dev/null 2>&1 || true; }
if [ -x "$schema_tool" ]; then
  expect "the GitLab child pipeline for the units is valid" "$schema_tool" --builtin-schema vendor.gitlab-ci "$work/units-pipeline.yml"
else
  not_ok "check-jsonschema could not be installed (pip install check-jsonschema)"
fi
if grep -q 'scripts/publish unit phuong-5' "$work/units-pipeline.yml"; then ok "the child pipeline has a job for phuong-5"; else not_ok "the child pipeline has a job for phuong-5"; fi

# Two builds into one output at once, as two processes (a `serve` and CI, two CI jobs): one waits
# for the other, both exit 0, and the output equals a clean build.
congkhai=(.build/release/congkhai build --content Content --templates Templates --build-date 2021-11-20 --cache-dir "$work/cache")
"${congkhai[@]}" --output "$work/Twice" >"$work/first.log" 2>&1 & first=$!
"${congkhai[@]}" --output "$work/Twice" >"$work/second.log" 2>&1 & second=$!
wait "$first"; first_status=$?; wait "$second"; second_status=$?
if [ "$first_status" = 0 ] && [ "$second_status" = 0 ]; then ok "two builds into one output at once both exit 0"; else not_ok "two builds into one output at once both exit 0 ($first_status, $second_status)"; cat "$work/first.log" "$work/second.log"; fi
"${congkhai[@]}" --no-cache --output "$work/Clean" >"$work/log" 2>&1
expect "the output of two builds at once equals a clean build" diff -r "$work/Twice" "$work/Clean"
waited=$(cat "$work/first.log" "$work/second.log" | grep -c "^waiting for process [0-9]*, which is building into" || true)
echo "     (of the two, $waited said it waited)"
# While another process holds the output's lock: --no-wait fails with one line; a build waits.
flock "$work/.Held.lock" sleep 3 & holder=$!
sleep 0.5
"${congkhai[@]}" --output "$work/Held" --no-wait >"$work/log" 2>&1; status=$?
if [ "$status" = 1 ] && [ "$(wc -l <"$work/log")" = 1 ] && grep -q "another build is writing this output; not waiting (--no-wait)" "$work/log"; then
  ok "--no-wait fails at once with one line while the output is locked"
else not_ok "--no-wait fails at once with one line while the output is locked (exit $status)"; fi
expect "a build waits for the lock, then builds" "${congkhai[@]}" --output "$work/Held"
if [ "$(grep -c "waiting for another process, which is building into" "$work/log")" = 1 ] && [ -f "$work/Held/index.html" ]; then ok "it said once that it waits"; else not_ok "it said once that it waits"; fi
wait "$holder"

# Deploy to a local folder: the same files, byte for byte; then a page that went is removed.
target="$work/www/cchc"
expect "deploy to a local folder" scripts/publish deploy "$target"
expect "the local copy equals the build" diff -r "$work/Public" "$target"
mkdir -p "$target/trang-cu" && echo old > "$target/trang-cu/index.html"
echo changed > "$target/index.html"
expect "a second deploy" scripts/publish deploy "$target"
expect "a second deploy removes old pages and restores changed ones" diff -r "$work/Public" "$target"
expect_fail "deploy without a build is refused" "nothing to deploy" env OUTPUT="$work/none" scripts/publish deploy "$work/www2"

# Deploy over SSH to an sshd on loopback, as the GitLab job does to the district's server.
if command -v sshd >/dev/null; then
  mkdir -p "$work/ssh" /run/sshd && chmod 700 "$work/ssh"
  ssh-keygen -q -t ed25519 -N '' -f "$work/ssh/host" -C host
  ssh-keygen -q -t ed25519 -N '' -f "$work/ssh/deploy" -C deploy
  cp "$work/ssh/deploy.pub" "$work/ssh/authorized_keys"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  user=$(id -un)
  cat > "$work/ssh/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $work/ssh/host
AuthorizedKeysFile $work/ssh/authorized_keys
PidFile $work/ssh/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
AllowUsers $user
StrictModes no
UsePAM no
CONF
  "$(command -v sshd)" -D -e -f "$work/ssh/sshd_config" 2>"$work/ssh/sshd.log" &
  sshd_pid=$!
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
  known="[127.0.0.1]:$port $(cut -d' ' -f1,2 "$work/ssh/host.pub")"
  remote="$work/server/var/www/cchc"
  mkdir -p "$remote"
  export DEPLOY_PORT=$port
  expect "deploy over rsync+SSH to sshd on loopback" \
    env DEPLOY_SSH_KEY="$(cat "$work/ssh/deploy")" DEPLOY_KNOWN_HOSTS="$known" scripts/publish deploy "$user@127.0.0.1:$remote"
  expect "the server's copy equals the build" diff -r "$work/Public" "$remote"
  rm -rf "$remote/tin-tuc" && echo stray > "$remote/stray.html"
  expect "a second deploy over SSH" \
    env DEPLOY_SSH_KEY="$(cat "$work/ssh/deploy")" DEPLOY_KNOWN_HOSTS="$known" scripts/publish deploy "$user@127.0.0.1:$remote"
  expect "the second deploy brings the server's copy back to the build" diff -r "$work/Public" "$remote"
  expect_fail "a server whose key differs from DEPLOY_KNOWN_HOSTS is refused" "verification failed" \
    env DEPLOY_SSH_KEY="$(cat "$work/ssh/deploy")" DEPLOY_KNOWN_HOSTS="[127.0.0.1]:$port $(cut -d' ' -f1,2 "$work/ssh/deploy.pub")" \
    scripts/publish deploy "$user@127.0.0.1:$work/server/other"
  expect_fail "deploy over SSH without DEPLOY_KNOWN_HOSTS is refused" "DEPLOY_KNOWN_HOSTS is empty" \
    env DEPLOY_SSH_KEY="$(cat "$work/ssh/deploy")" DEPLOY_KNOWN_HOSTS= scripts/publish deploy "$user@127.0.0.1:$work/server/other"
  if [ ! -e "$work/server/other" ]; then ok "a refused deploy wrote nothing"; else not_ok "a refused deploy wrote nothing"; fi
else
  not_ok "sshd is not installed (apt-get install openssh-server)"
fi

echo "publish: $passed passed, $failed failed"
[ "$failed" = 0 ]
