#!/bin/sh
# Regenerates grammar/keywords.md from the keyword schema (Sources/KAConfig/Schema/Rows/).
# The KeywordReferenceTests test writes the file when KA_REGEN=1; without it, it fails on a stale file.
set -eu
cd "$(dirname "$0")/.."
KA_REGEN=1 swift test --filter KeywordReferenceTests
echo "wrote grammar/keywords.md"
