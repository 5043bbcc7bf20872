#!/usr/bin/env bash
# Builds the Debian package of the toolchain: release binaries with the Swift standard library
# linked statically (they run on a machine without Swift), the man pages written in packaging/
# (tests hold kalint's, kafmt's and karun's to their command tables), the bash/zsh/fish
# completions the tools write from those tables, karun's systemd unit, and the rule pages. Prints
# the path of the .deb on stdout (everything else on stderr).
#
#   scripts/package.sh [OUTPUT_DIR]            release build, own scratch path; default dist/
#   scripts/package.sh --debug [OUTPUT_DIR]    the debug build in .build, linked again with the
#                                              runtime in (seconds, not minutes); what CI installs
#                                              and tests; default .build/package-debug/ (the
#                                              next plain `swift build` links them back)
#
# The release build has its own scratch path (.build/package-release), so it never replaces the
# plain release build that the demo and kabench use. Both link with lld (a SwiftPM toolset), which
# packs relative relocations (below).
# Needs swift, dpkg-deb, dpkg-shlibdeps (dpkg-dev), strip (binutils) and libnl's -dev packages:
# scripts/setup.sh installs them.
set -euo pipefail
cd "$(dirname "$0")/.."

# The executables the package ships, and the manual section of those not in section 1 (8: a
# system daemon).
tools=(kalint kafmt karun kalsp)
declare -A man_section=([karun]=8)

name=keepalived-toolchain
maintainer="${KA_MAINTAINER:-keepalived-toolchain maintainers <keepalived-toolchain@example.org>}"
configuration=release
if [ "${1:-}" = --debug ]; then
    configuration=debug
    shift
fi
if [ $configuration = release ]; then
    scratch=.build/package-release
    output="${1:-dist}"
else
    scratch=.build
    output="${1:-.build/package-debug}"
fi
stage=".build/package-$configuration"
work="$stage/deb"
root="$work/root"

say() { echo "package.sh: $*" >&2; }
fail() { say "$*"; exit 1; }

# --- Version: the hand-kept release in KAVersion, and the commit when this is a git checkout. ---
release="$(sed -n 's/^ *public static let release = "\(.*\)"$/\1/p' Sources/KAVersion/ToolchainVersion.swift)"
[ -n "$release" ] || fail "no release number in Sources/KAVersion/ToolchainVersion.swift"
describe=""
version="$release"
epoch="${SOURCE_DATE_EPOCH:-}"
if git rev-parse --git-dir >/dev/null 2>&1; then
    describe="$(git describe --always --dirty | tr -cd 'A-Za-z0-9._+-')"
    epoch="${epoch:-$(git log -1 --format=%ct)}"
    # A build of the tag v$release is that release; any other commit sorts before it (~).
    if [ "$(git describe --tags --exact-match 2>/dev/null || true)" != "v$release" ]; then
        version="$release~git$(git log -1 --format=%cd --date=format:%Y%m%d).$(git rev-parse --short HEAD)"
        case "$describe" in *-dirty) version="$version.dirty" ;; esac
    fi
fi
[ $configuration = release ] || version="$version+debug"
epoch="${epoch:-$(date +%s)}"
export SOURCE_DATE_EPOCH="$epoch"
architecture="$(dpkg --print-architecture)"
deb="$output/${name}_${version}_${architecture}.deb"
say "$name $version ($architecture), commit ${describe:-unknown}"

# --- The binaries, Swift runtime linked in. ---
# lld through a toolset: it changes only the link jobs (an -Xswiftc flag would recompile all).
lld="$(dirname "$(readlink -f "$(command -v swift)")")/ld.lld"
[ -x "$lld" ] || fail "no ld.lld beside swift ($lld)"
mkdir -p "$stage"
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" >"$stage/lld-toolset.json"
# Relative relocations packed (DT_RELR, glibc 2.36+) and no exported symbol table: the loader
# then reads 7 KB of relocations instead of 800 KB at every start, and a resident daemon keeps
# about 1.2 MB less (karun with one instance: 14.3 -> 13.1 MB).
static=(--static-swift-stdlib --toolset "$(pwd)/$stage/lld-toolset.json"
    -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic)
started=$SECONDS
if [ $configuration = release ]; then
    # Package.swift hands the commit to the one C file that prints it.
    export KA_GIT_DESCRIBE="$describe"
    flags=(-c release --scratch-path "$scratch" "${static[@]}")
    for tool in "${tools[@]}"; do
        say "building $tool"
        swift build "${flags[@]}" --product "$tool" >&2
    done
else
    # Only links may differ from the plain debug build in .build: an object compiled with
    # --static-swift-stdlib carries the static libraries' link entries and would break the next
    # plain link. So the objects are brought up to date by a plain build first (and the commit
    # is left out: it would recompile), then the tools are linked again with the runtime in.
    unset KA_GIT_DESCRIBE
    flags=(-c debug "${static[@]}")
    for tool in "${tools[@]}"; do
        say "building $tool"
        swift build --product "$tool" >&2
    done
    for tool in "${tools[@]}"; do
        say "linking $tool with the Swift runtime in"
        swift build "${flags[@]}" --product "$tool" >&2
    done
fi
bin="$(swift build -c $configuration --scratch-path "$scratch" --show-bin-path)"
say "built in $((SECONDS - started)) s"

for tool in "${tools[@]}"; do
    # A static executable (kalint on Linux) loads no library at all.
    readelf -lW "$bin/$tool" | grep -q INTERP || continue
    if ldd "$bin/$tool" | grep -E 'libswift|libFoundation|libdispatch|not found' >&2; then
        fail "$tool still needs the libraries above"
    fi
done

# --- The file tree the package installs. ---
rm -rf "$work"
doc="$root/usr/share/doc/$name"
mkdir -p "$root/usr/bin" "$doc/rules" \
    "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d" "$root/lib/systemd/system"
for tool in "${tools[@]}"; do
    install -m 0755 "$bin/$tool" "$root/usr/bin/$tool"
    strip --strip-unneeded "$root/usr/bin/$tool"
    # The man page is written by hand (kalint's, kafmt's and karun's are held to their command
    # tables by tests); the completions come from the same tables (KACommandLine), for each tool
    # that answers --generate-completion-script SHELL (kalsp has no options to complete).
    section="${man_section[$tool]:-1}"
    [ -f "packaging/$tool.$section" ] || fail "$tool has no manual page packaging/$tool.$section"
    mkdir -p "$root/usr/share/man/man$section"
    sed "s/^\\.TH \\([A-Z]*\\) $section \"\"/.TH \\1 $section \"$(date -u -d "@$epoch" +%F)\"/" "packaging/$tool.$section" \
        | gzip -9n >"$root/usr/share/man/man$section/$tool.$section.gz"
    if timeout 10 "$root/usr/bin/$tool" --generate-completion-script bash </dev/null >"$work/completion" 2>/dev/null; then
        install -m 0644 "$work/completion" "$root/usr/share/bash-completion/completions/$tool"
        "$root/usr/bin/$tool" --generate-completion-script zsh >"$root/usr/share/zsh/vendor-completions/_$tool"
        "$root/usr/bin/$tool" --generate-completion-script fish >"$root/usr/share/fish/vendor_completions.d/$tool.fish"
    fi
done
install -m 0644 packaging/karun.service "$root/lib/systemd/system/karun.service"
install -m 0644 docs/rules/*.md "$doc/rules/"
install -m 0644 README.md "$doc/README.md"
sed "s/@YEAR@/$(date -u -d "@$epoch" +%Y)/" packaging/debian/copyright >"$doc/copyright"
chmod 0644 "$doc/copyright"

# --- Control file: Depends from what the binaries still link (dpkg-shlibdeps reads the symbols
# files of the installed libraries for the lowest versions that provide what they use). ---
mkdir -p "$work/shlibs/debian" "$root/DEBIAN"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$name" "$name" >"$work/shlibs/debian/control"
binaries=()
for tool in "${tools[@]}"; do
    # A static executable (kalint on Linux) links no shared library: nothing to depend on.
    readelf -lW "$root/usr/bin/$tool" | grep -q INTERP || continue
    binaries+=("$(pwd)/$root/usr/bin/$tool")
done
depends="$(cd "$work/shlibs" && dpkg-shlibdeps -O "${binaries[@]}" | sed -n 's/^shlibs:Depends=//p')"
[ -n "$depends" ] || fail "dpkg-shlibdeps found no dependencies"
# Packed relocations need glibc's GLIBC_ABI_DT_RELR (2.36): a version the binaries need without
# using a symbol of it, which dpkg-shlibdeps does not see.
if readelf -V "${binaries[@]}" | grep GLIBC_ABI_DT_RELR >/dev/null; then
    libc="$(printf '%s\n' "$depends" | sed -n 's/.*libc6 (>= \([^)]*\)).*/\1/p')"
    if [ -z "$libc" ] || dpkg --compare-versions "$libc" lt 2.36; then
        depends="$(printf '%s\n' "$depends" | sed 's/libc6 (>= [^)]*)/libc6 (>= 2.36)/')"
    fi
fi
cat >"$root/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: $architecture
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Suggests: keepalived
Section: net
Priority: optional
Description: keepalived.conf linter, formatter and VRRP daemon
 Tools for keepalived.conf, the configuration language of keepalived:
  - kalint checks one file per node and the nodes against each other
    (VRID, authentication, priorities, addresses, firewall rules);
  - kafmt prints a file in one canonical layout, keeping every comment;
  - karun runs the VRRP instances of a keepalived.conf, wire-compatible with
    keepalived 2.2.7 (its systemd unit, karun.service, is installed disabled).
 The binaries carry the Swift runtime; they need no Swift toolchain.
EOF
find "$root" -exec touch -h -d "@$epoch" {} +
mkdir -p "$output"
rm -f "$deb"
# The debug package is CI's, read once: no time spent compressing it.
compression=(-Zxz)
[ $configuration = release ] || compression=(-Znone)
dpkg-deb --build --root-owner-group "${compression[@]}" "$root" "$deb" >&2
say "wrote $deb ($(du -k "$deb" | cut -f1) KiB)"
echo "$deb"
