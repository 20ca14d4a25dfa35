#!/usr/bin/env bash
# The test suite runs Debian's real pandoc (the citation parser is tested
# against it); the site's browser test runs Debian's Chromium with CJK fonts
# (`ensure-system-tools.sh chromium fonts-noto-cjk`). Install the Debian
# packages named (default: pandoc) when missing and we may; otherwise say how.
# A package counts as present when a command of its name exists or dpkg has it.
set -euo pipefail
wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=(pandoc)
missing=()
for package in "${wanted[@]}"; do
  command -v "$package" >/dev/null || dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Install with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
