#!/usr/bin/env bash
# The test suite runs Debian's real pandoc (the citation parser is tested
# against it). Install it when missing and we may; otherwise say how.
set -euo pipefail
missing=()
for tool in pandoc; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need: ${missing[*]}. Install with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
