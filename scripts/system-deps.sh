#!/usr/bin/env bash
# Installs the Debian packages named as arguments when missing (the test suite drives chromium).
# Kept as one script so CI and a developer's fresh machine set up the same way.
set -euo pipefail
need=()
for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if ((${#need[@]})); then
    if [ "$(id -u)" -ne 0 ]; then
        echo "system-deps: missing Debian packages: ${need[*]} (run as root, or install them)" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
