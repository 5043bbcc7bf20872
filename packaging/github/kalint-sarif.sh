#!/usr/bin/env bash
# The step of the GitHub Action (action.yml): runs kalint over the node files and writes SARIF.
# Inputs come as environment variables: KALINT_FILES (whitespace-separated paths or globs),
# KALINT_SARIF, KALINT_FAIL_ON, KALINT_ARGS, KALINT (the binary; empty: kalint on PATH, else
# built from KALINT_SOURCE with swift). Writes sarif-file= and exit-code= to $GITHUB_OUTPUT and
# exits with kalint's status.
set -uo pipefail
shopt -s globstar nullglob

kalint="${KALINT:-}"
if [ -z "$kalint" ]; then
    if command -v kalint >/dev/null 2>&1; then
        kalint=kalint
    else
        echo "::group::Building kalint from ${KALINT_SOURCE:?}"
        swift build -c release --static-swift-stdlib --product kalint --package-path "$KALINT_SOURCE" || exit 2
        kalint="$(swift build -c release --static-swift-stdlib --package-path "$KALINT_SOURCE" --show-bin-path)/kalint"
        echo "::endgroup::"
    fi
fi

files=()
read -r -a patterns <<<"${KALINT_FILES:-}"
for pattern in "${patterns[@]}"; do
    matches=($pattern)
    if [ ${#matches[@]} -eq 0 ]; then
        echo "::error::kalint: no file matches '$pattern'"
        exit 2
    fi
    files+=("${matches[@]}")
done
if [ ${#files[@]} -eq 0 ]; then
    echo "::error::kalint: no files given (input 'files')"
    exit 2
fi
read -r -a extra <<<"${KALINT_ARGS:-}"
sarif="${KALINT_SARIF:-kalint.sarif}"
mkdir -p "$(dirname "$sarif")"

"$kalint" --format sarif --fail-on "${KALINT_FAIL_ON:-error}" "${extra[@]}" -- "${files[@]}" >"$sarif"
status=$?
findings="$(grep -o '"ruleId"' "$sarif" | wc -l)"
echo "kalint: ${#files[@]} file(s), $findings finding(s), SARIF in $sarif"
{
    echo "sarif-file=$sarif"
    echo "exit-code=$status"
} >>"${GITHUB_OUTPUT:-/dev/null}"
case $status in
    0) ;;
    1) echo "::error::kalint: findings at or above ${KALINT_FAIL_ON:-error} (see code scanning, or $sarif)" ;;
    *) echo "::error::kalint could not check the files (exit $status)" ;;
esac
exit "$status"
