#!/usr/bin/env bash
# Installs the Debian packages the test suite drives: Chromium for Playwright, promtool (from the
# prometheus package) for alert-rule tests, and kubectl where the machine lacks it. Runs as root
# or through sudo. Services from these packages are kept from starting: the tests start what
# they need themselves, on loopback.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "test packages already installed: chromium, promtool, kubectl"
  exit 0
fi

# policy-rc.d exit code 101 tells Debian maintainer scripts not to start services.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  created_policy=1
fi
trap 'if [ "$created_policy" -eq 1 ]; then $SUDO rm -f "$policy"; fi' EXIT

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "installed: ${missing[*]}"
