#!/usr/bin/env bash
# Rebuild third_party/zapx from an upstream zapx release plus our patches.
#   third_party/zapx-refresh.sh             # the version go.mod requires (the replace keeps it)
#   third_party/zapx-refresh.sh v17.2.4     # another release: also set it in go.mod's require,
#                                           # then go mod tidy && make test
# Keeps only what a build needs: the non-test .go files, go.mod, the licence; drops
# tests, docs and zapx's own CLI (cmd/). See zapx/PATCHES.md.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")"
. ./refresh-lib.sh
refresh github.com/blevesearch/zapx/v17 zapx "${1:-$(go list -m -f '{{.Version}}' github.com/blevesearch/zapx/v17)}" "" cmd
