#!/usr/bin/env bash
# Install what `finsam extract` needs to read scanned PDFs, once: Tesseract and its Swedish model,
# from Debian's packages when missing (as root, or with sudo). `make ocr` and .ci/run call it.
set -euo pipefail

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx swe; then
  need+=(tesseract-ocr-swe)
fi
if ((${#need[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "ocr: needs ${need[*]} (Debian packages); install them or run as root" >&2; exit 2; }
    sudo=sudo
  fi
  echo "ocr: installing ${need[*]} with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
