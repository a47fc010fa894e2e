#!/usr/bin/env bash
# tools/fresh.sh SUITE [REF [SESSION...]]: ./run sessions on a fresh Debian or Ubuntu machine.
#
#   sudo tools/fresh.sh bookworm          # Debian 12, stock Python 3.11.2, this HEAD
#   sudo tools/fresh.sh trixie main       # Debian 13, the commit `main` names
#   sudo tools/fresh.sh noble             # Ubuntu 24.04 (main and universe), stock Python 3.12.3
#   sudo tools/fresh.sh bookworm HEAD all # every session, each on its own fresh root
#
# Makes a stock Debian or Ubuntu root with debootstrap (only python3,
# python3-venv, python3-pip, git, sudo and ca-certificates added), clones
# REF (default HEAD) of the repository this script is in (committed state
# only; nothing beside the clone, so no ../shared) as a user with
# passwordless sudo, and runs `./run build` then `./run tests` exactly as
# the README says, or the SESSIONs named ("all": every session but lock,
# linkcheck and bench, which need the network or take long, each on a root of
# its own so that none installs what another needs). `preview` passes when it
# serves the landing page, then is stopped. It prints the Python version, each
# command's exit code and time, the test summary line, and one verdict line
# per command; it exits non-zero if any failed.
#
# Needs root and Debian's debootstrap on the host (not needed by ./run itself:
# `apt-get install debootstrap`). The pristine root and every downloaded .deb
# are cached in $FRESH_CACHE (default /var/cache/portfolio-fresh), outside the
# repository, so a re-run skips the downloads. Mirror: the host's first
# Debian mirror in /etc/apt, for Ubuntu archive.ubuntu.com (or $FRESH_MIRROR).
# Not part of CI: it takes minutes and root.
set -euo pipefail

suite=${1:?usage: tools/fresh.sh SUITE [REF [SESSION...|all]]   (SUITE: bookworm, trixie, noble)}
ref=${2:-HEAD}
shift $(($# < 2 ? $# : 2))
sessions=("$@")
((${#sessions[@]})) || sessions=(build tests)
if [[ ${sessions[*]} == all ]]; then
  # One root per session: a session passes only with what it installs itself.
  status=0
  for session in help html epub pdf build resume preview og-image readthedocs lint tests; do
    "$0" "$suite" "$ref" "$session" || status=1
  done
  exit "$status"
fi
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --verify "$ref^{commit}")
cache=${FRESH_CACHE:-/var/cache/portfolio-fresh}/$suite
user=reader  # the non-root user who clones and runs the commands

[[ $(id -u) == 0 ]] || { echo "tools/fresh.sh needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null ||
  { echo "tools/fresh.sh needs Debian's debootstrap: apt-get install debootstrap" >&2; exit 2; }

# The mirror this machine already uses, so the chroot reaches what the host can.
mirror=${FRESH_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p;s/^deb  *\(http[^ ]*\/debian\) .*/\1/p' \
  /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n 1 || true)}
mirror=${mirror:-http://deb.debian.org/debian}
security=${mirror%/debian}/debian-security
components=main
script=()     # debootstrap's own script for the suite
keyring=()    # debootstrap checks the suite's signature with the host's Debian keyring
case $suite in
  noble)
    # Ubuntu: its own archive, and universe, where TeX Live, Node.js and npm
    # are. Debian 12's debootstrap has no script named noble; its gutsy script
    # is the one every later Ubuntu release uses.
    mirror=${FRESH_MIRROR:-http://archive.ubuntu.com/ubuntu}
    security=http://security.ubuntu.com/ubuntu
    components="main universe"
    script=(/usr/share/debootstrap/scripts/gutsy)
    # Debian 12 has no package with Ubuntu's archive key. Without one, the
    # bootstrap cannot check the archive's signature, only the .debs' checksums
    # against its Release file; apt inside then checks every later download
    # with the key that bootstrap installed.
    [[ -f /usr/share/keyrings/ubuntu-archive-keyring.gpg ]] || keyring=(--no-check-gpg)
    ;;
esac

mkdir -p "$cache/archives/partial" "$cache/logs"
root=$(mktemp -d "${TMPDIR:-/var/tmp}/fresh-$suite.XXXXXX")
chmod 755 "$root"  # it is / inside: every user must reach it

# -- Mounts: what Chromium, Java and apt need inside the root ------------------------
mount_root() {
  mount -t proc proc "$root/proc"
  mount -t sysfs -o ro sysfs "$root/sys" 2>/dev/null || mount --rbind /sys "$root/sys"
  mount --bind /dev "$root/dev"
  mount -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
  mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  mount --bind "$cache/archives" "$root/var/cache/apt/archives"  # .debs kept for re-runs
  cp --remove-destination /etc/resolv.conf "$root/etc/resolv.conf"  # the host's DNS (Ubuntu's is a symlink)
}

# Stop what still runs inside the root, then unmount, deepest first.
unmount_root() {
  local pid mnt
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    if [[ $(readlink "/proc/$pid/root" 2>/dev/null) == "$root" ]]; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  for mnt in $(awk -v r="$root/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r); do
    umount "$mnt" 2>/dev/null || umount -l "$mnt"
  done
}

# Whatever happens: unmount, then delete the root (never while anything is mounted in it).
cleanup() {
  local status=$?
  unmount_root
  if awk -v r="$root/" 'index($2, r) == 1 {found=1} END {exit !found}' /proc/mounts; then
    echo "fresh.sh: $root still has mounts; not deleting it" >&2
  elif [[ -z ${FRESH_KEEP:-} ]]; then
    rm -rf --one-file-system "$root"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_root() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 chroot "$root" "$@"; }

# -- The pristine root: debootstrap once, then unpack the cached copy ---------------
base=$cache/base.tar
if [[ ! -f $base ]]; then
  echo "== debootstrap $suite from $mirror (cached in $base)${keyring:+; no Ubuntu keyring here: its signature is not checked}"
  debootstrap --cache-dir="$cache/archives" "${keyring[@]}" --components="${components// /,}" \
    --include=python3,python3-venv,python3-pip,git,sudo,ca-certificates \
    "$suite" "$root" "$mirror" "${script[@]}" >"$cache/logs/debootstrap.log" 2>&1 ||
    { tail -n 20 "$cache/logs/debootstrap.log" >&2; exit 1; }
  # Updates and security, as a stock installation has them.
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite $components
deb $mirror $suite-updates $components
deb $security $suite-security $components
EOF
  mount_root
  in_root apt-get update -q >>"$cache/logs/debootstrap.log" 2>&1
  in_root env DEBIAN_FRONTEND=noninteractive apt-get -y -q upgrade >>"$cache/logs/debootstrap.log" 2>&1
  unmount_root
  rm -f "$root/etc/resolv.conf"
  tar -C "$root" -cf "$base.tmp" . && mv "$base.tmp" "$base"
else
  tar -C "$root" -xf "$base"
  chmod 755 "$root"
fi
mount_root

# Where this machine's network inspects TLS, the host trusts extra CAs
# (/usr/local/share/ca-certificates) and points tools at its bundle; the root
# gets the same, or pip and npm cannot reach their registries. A machine on
# an ordinary network has none, and this step does nothing.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  in_root update-ca-certificates >/dev/null 2>&1
  env | grep -E '^[A-Z_]+=/etc/ssl/certs/ca-certificates\.crt$' | sed 's/^/export /' \
    >"$root/etc/profile.d/host-ca.sh" || true
  echo "== trusting this host's local CAs inside:" /usr/local/share/ca-certificates/*.crt
fi

# -- The user, and the clone: REF's commit only, through a bare copy ----------------
in_root useradd --create-home --shell /bin/bash "$user"
echo "$user ALL=(ALL) NOPASSWD: ALL" >"$root/etc/sudoers.d/$user"
chmod 0440 "$root/etc/sudoers.d/$user"
git init -q --bare --initial-branch=main "$root/srv/portfolio.git"
git -C "$repo" push -q "$root/srv/portfolio.git" "$commit:refs/heads/main"
in_root chown -R "$user:" /srv/portfolio.git
in_root runuser -u "$user" -- git clone -q /srv/portfolio.git "/home/$user/portfolio"

python=$(in_root python3 --version)
echo "== $suite: $python; $(git -C "$repo" log -1 --format='%h %s' "$commit")"

# -- The sessions, exactly as the README runs them ----------------------------------
# preview serves until stopped: it passes once the landing page is served.
run_preview() {
  in_root runuser -l "$user" -c "cd ~/portfolio && exec ./run preview -- --port 8799" &
  local pid=$! waited=0
  until curl -fsS -o /dev/null http://127.0.0.1:8799/index.html 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { wait "$pid"; return 1; }
    ((waited++ < 1800)) || { kill "$pid"; return 1; }
    sleep 1
  done
  echo "preview served http://127.0.0.1:8799/index.html after about $waited s"
  # Ctrl-C reaches a terminal's whole foreground group; here runuser does not
  # pass a signal on, so interrupt the server itself, then wait for the rest.
  pkill -INT -f -- "--port 8799" || true
  wait "$pid" || true
}
declare -A code secs
for command in "${sessions[@]}"; do
  log=$cache/logs/$command.log
  echo "== ./run $command (log: $log)"
  start=$(date +%s)
  set +e
  if [[ $command == preview ]]; then
    run_preview >"$log" 2>&1
  else
    in_root runuser -l "$user" -c "cd ~/portfolio && ./run $command" >"$log" 2>&1
  fi
  code[$command]=$?
  set -e
  secs[$command]=$(($(date +%s) - start))
  tail -n 5 "$log"
done

echo
echo "== $suite ($python), commit $(git -C "$repo" rev-parse --short "$commit")"
failed=0
for command in "${sessions[@]}"; do
  verdict=$([[ ${code[$command]} == 0 ]] && echo PASS || echo FAIL)
  [[ ${code[$command]} == 0 ]] || failed=1
  echo "$verdict  ./run $command  exit ${code[$command]}  ${secs[$command]} s"
done
if [[ -f $cache/logs/tests.log && " ${sessions[*]} " == *" tests "* ]]; then
  summary=$(grep -E '^=+ .*(passed|failed|error).* in [0-9.]+s' "$cache/logs/tests.log" | tail -n 1 || true)
  echo "tests: ${summary:-no summary line (see $cache/logs/tests.log)}"
fi
((failed == 0))
