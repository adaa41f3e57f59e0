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
dst=bleve
ver=${1:-$(go list -m -f '{{.Version}}' github.com/blevesearch/bleve/v2)}
src=$(go mod download -json "github.com/blevesearch/bleve/v2@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
test -d "$src" || { echo "bleve-refresh: no module directory for $ver" >&2; exit 1; }
new=$(mktemp -d); trap 'rm -rf "$new"' EXIT
(cd "$src" && find . -type f \( \( -name '*.go' ! -name '*_test.go' \) -o -name LICENSE -o -name go.mod \) \
	! -path './cmd/*' ! -path './test/*' ! -path './docs/*' ! -path './data/*' -print0) |
	(cd "$src" && xargs -0 cp --parents -t "$new")
chmod -R u+w "$new"
tbl=analysis/lang/pl/stempel/pl/stemmer_20000.tbl
mkdir -p "$new/$(dirname "$tbl")"
gzip -9n < "$src/$tbl" > "$new/$tbl.gz"
for p in bleve-patches/*.patch; do patch -s -d "$new" -p1 < "$p"; done
cp "$dst/PATCHES.md" "$new/" 2>/dev/null || true
rm -rf "$dst"; mv "$new" "$dst"; chmod 755 "$dst"; trap - EXIT
gofmt -l "$dst"
echo "third_party/$dst: bleve $ver + $(find bleve-patches -name "*.patch" | wc -l) patches, $(du -sb "$dst" | cut -f1) bytes"
