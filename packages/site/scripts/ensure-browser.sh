#!/usr/bin/env bash
# The site's browser test drives Debian's Chromium and screenshots Chinese
# text, which needs CJK fonts. Install both when missing and we may (root,
# apt); otherwise say how.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The site's browser test needs: ${missing[*]}. Install with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
