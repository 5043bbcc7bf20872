#!/usr/bin/env bash
# The main job on the samples: lint the two nodes of the gateway pair together.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift run -c release kalint samples/gateway/node1.conf samples/gateway/node2.conf
