#!/usr/bin/env bash
# Rebuild third_party/bleve from an upstream bleve release plus our patches.
#   third_party/bleve-refresh.sh            # the version go.mod requires (the replace keeps it)
#   third_party/bleve-refresh.sh v2.6.2     # another release: also set it in go.mod's require,
#                                           # then go mod tidy && make test
# Keeps only what a build needs: non-test .go files of the library packages, go.mod,
# the licences; drops tests, docs, testdata, bleve's own CLI (cmd/) and test helpers.
# Polish stempel's 2.2 MB table is stored gzipped (patch 2). See bleve/PATCHES.md.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")"
. ./refresh-lib.sh
tbl=analysis/lang/pl/stempel/pl/stemmer_20000.tbl
gzip_table() { mkdir -p "$1/$(dirname "$tbl")"; gzip -9n < "$2/$tbl" > "$1/$tbl.gz"; }
refresh github.com/blevesearch/bleve/v2 bleve "${1:-$(go list -m -f '{{.Version}}' github.com/blevesearch/bleve/v2)}" \
	gzip_table cmd test docs data
