#!/usr/bin/env bash
# The README's Quickstart on a fresh minimal Debian 12, as a new user would run it.
#
#   sudo tools/fresh_machine.sh [ROOT]       (root, on Debian or Ubuntu with debootstrap)
#
# Builds a minimal Debian 12 root (debootstrap --variant=minbase) from the mirror this machine's
# apt already uses, gives it Python 3 and nothing else, installs only the packages named on the
# README's apt line, copies in the repository's tracked files, and runs the Quickstart's two
# commands exactly as the README writes them (read from README.md; `sudo` is dropped, the
# chroot's user being root). The test command runs one small test file, to keep the check short:
# it still creates .venv, installs the test tools, and runs ruff and mypy --strict.
# Exits non-zero if any step fails. .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

# A root of our own for each run: a run killed before its clean-up (CI's time limit) leaves its
# root behind with /proc still mounted in it, which no later run may trip over.
unmount_under() {  # every mount point under $1, deepest first
    awk -v r="$1/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
        umount -l "$m" 2>/dev/null || true
    done
}
for stale in /tmp/jsi-fresh-debian12 $(find /tmp -maxdepth 1 -name 'jsi-fresh-debian12.*' -type d -mmin +120); do
    [ -d "$stale" ] || continue  # older than any run still going (CI stops a run at 90 minutes)
    unmount_under "$stale"
    rm -rf --one-file-system "$stale" "$stale.log" 2>/dev/null || true
done
root="${1:-$(mktemp -d /tmp/jsi-fresh-debian12.XXXXXX)}"
mirror="$( (cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true) \
    | grep -oE '^(deb|URIs:) +https?://[^ ]+' | grep -v security | head -n1 | awk '{print $2}')"
if [ -z "$mirror" ]; then
    echo "fresh_machine: no Debian mirror found in this machine's apt sources" >&2
    exit 2
fi

readme_block() {  # the Nth fenced ```sh block of README.md's Quickstart
    awk -v n="$1" '/^## Quickstart/{q=1} /^## /&&!/Quickstart/{q=0}
        q&&/^```sh/{k++; on=(k==n); next} q&&/^```/{on=0} on' README.md
}
apt_line="$(readme_block 1 | sed 's/^sudo //')"
render_line="$(readme_block 2)"
test_line="$(readme_block 3)"
case "$apt_line" in apt-get\ install*) ;; *) echo "unexpected apt line: $apt_line" >&2; exit 2;; esac

echo "== debootstrap --variant=minbase bookworm $root"
unmount_under "$root"
rm -rf --one-file-system "$root"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1 || {
    tail -20 "$root.log" >&2
    exit 1
}
# The network this machine is on (name servers, certificate authorities it added, pip's index
# settings) is carried over, as a new machine on the same network would have it; no package is.
cp /etc/resolv.conf "$root/etc/resolv.conf"
if [ -d /usr/local/share/ca-certificates ]; then
    cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
mount -t proc proc "$root/proc"
trap 'unmount_under "$root"' EXIT

pip_env=(PIP_CERT=/etc/ssl/certs/ca-certificates.crt)
for name in PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_TRUSTED_HOST PIP_DEFAULT_TIMEOUT; do
    [ -n "${!name:-}" ] && pip_env+=("$name=${!name}")
done
in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
        "${pip_env[@]}" bash -c "$1"
}

echo "== the machine: Python 3 only"
in_root "apt-get update -qq && apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 python3 > /dev/null"
echo "== README: $apt_line"
in_root "DEBIAN_FRONTEND=noninteractive ${apt_line/apt-get install/apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0} > /dev/null"
in_root "update-ca-certificates > /dev/null 2>&1 || true"

mkdir -p "$root/root/jsi-docs"
git ls-files -z | xargs -0 cp --parents -t "$root/root/jsi-docs"

echo "== README: $render_line"
in_root "cd /root/jsi-docs && $render_line"
for suffix in html pdf docx; do
    test -s "$root/root/jsi-docs/out/jsi-ecommerce-2023-05-25.fr.$suffix"
done
echo "== README: $test_line tests/test_architecture.py -q"
in_root "cd /root/jsi-docs && $test_line tests/test_architecture.py -q"
unmount_under "$root"
rm -rf --one-file-system "$root" "$root.log"  # kept only when a step failed, to look into
echo "fresh_machine: the Quickstart works on a fresh Debian 12"
