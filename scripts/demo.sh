#!/usr/bin/env bash
# The main job on the bundled samples: build the tools, lint every sample node set as one fleet
# (each file is one node; cross-node rules compare them), then check that kafmt leaves every
# sample as it is. Exits non-zero if any set has a warning or an error.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product kalint
swift build -c release --product kafmt
bin="$(swift build -c release --show-bin-path)"
status=0
for set in samples/*/; do
    echo "== kalint ${set}node*.conf"
    "$bin/kalint" --fail-on warning "$set"node*.conf || status=1
done
echo "== kafmt --check samples/*/*.conf"
"$bin/kafmt" --check samples/*/*.conf && echo "all samples are formatted" || status=1
exit $status
