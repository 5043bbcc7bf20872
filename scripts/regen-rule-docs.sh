#!/usr/bin/env bash
# Regenerates Sources/KAConfig/Lint/RuleDocsData.swift from docs/rules/*.md (kalint --explain reads it).
set -euo pipefail
cd "$(dirname "$0")/.."
KA_REGEN=1 swift test --filter RuleDocsTests
