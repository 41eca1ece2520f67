#!/usr/bin/env bash
# apt-install.sh WHO PACKAGE...: install Debian packages with apt-get, as root or with sudo; WHO
# names the caller in the messages. Used by .ci/setup-ocr.sh and site-check/setup.sh.
set -euo pipefail
who="$1"; shift
(($#)) || exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "$who: needs $* (Debian packages); install them or run as root" >&2; exit 2; }
  sudo=sudo
fi
echo "$who: installing $* with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
