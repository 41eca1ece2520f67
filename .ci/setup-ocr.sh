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
  bash "$(dirname "$0")/apt-install.sh" ocr "${need[@]}"
fi
