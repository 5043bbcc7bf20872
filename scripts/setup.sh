#!/usr/bin/env bash
# Installs what the build and the tests need on Debian/Ubuntu, and nothing that is already there:
# libnl (CNetlink), pkg-config, keepalived (the oracle the tests compare with), iproute2 (ip netns),
# ping (the demo's client), nftables and iptables (karun's self-check reads the live ruleset with
# them; its tests build rulesets with them) and Neovim (the editor kalsp's end-to-end test drives);
# for scripts/package.sh and its test: dpkg-dev (dpkg-shlibdeps), binutils (strip) and man-db
# (`man` reads the installed pages); zsh and fish (the completion scripts karun writes are loaded
# by the shells themselves); from PyPI, pinned: pre-commit and ansible-core, which the
# distribution tests run (python3 -m pip, when python3 is there).
# Runs `apt-get update` only when an install fails without it. Needs root (or sudo) only when
# something is missing. Swift 6.3 must already be on PATH.
set -euo pipefail

packages=(libnl-3-dev libnl-route-3-dev keepalived pkg-config iproute2 iputils-ping nftables iptables neovim dpkg-dev binutils man-db time zsh fish)
python_packages=(pre-commit==4.7.0 ansible-core==2.19.14)
python_modules=(pre_commit ansible)

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: swift is not on PATH; install Swift 6.3 first (https://www.swift.org/install/)" >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

install_python_packages() {
    command -v python3 >/dev/null 2>&1 || return 0
    for module in "${python_modules[@]}"; do
        if ! python3 -c "import $module" 2>/dev/null; then
            echo "setup: installing ${python_packages[*]} (pip)"
            python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "${python_packages[@]}"
            return
        fi
    done
}

if [ ${#missing[@]} -eq 0 ]; then
    install_python_packages
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${missing[*]} and no apt-get; install them by hand" >&2
    exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "setup: missing ${missing[*]}; run as root to install them" >&2
        exit 1
    fi
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
    "${as_root[@]}" apt-get update
    "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
install_python_packages
