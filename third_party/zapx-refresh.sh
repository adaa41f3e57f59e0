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
dst=zapx
ver=${1:-$(go list -m -f '{{.Version}}' github.com/blevesearch/zapx/v17)}
src=$(go mod download -json "github.com/blevesearch/zapx/v17@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
test -d "$src" || { echo "zapx-refresh: no module directory for $ver" >&2; exit 1; }
new=$(mktemp -d); trap 'rm -rf "$new"' EXIT
(cd "$src" && find . -type f \( \( -name '*.go' ! -name '*_test.go' \) -o -name LICENSE -o -name go.mod \) \
	! -path './cmd/*' -print0) |
	(cd "$src" && xargs -0 cp --parents -t "$new")
chmod -R u+w "$new"
for p in zapx-patches/*.patch; do patch -s --no-backup-if-mismatch -d "$new" -p1 < "$p"; done
cp "$dst/PATCHES.md" "$new/" 2>/dev/null || true
rm -rf "$dst"; mv "$new" "$dst"; chmod 755 "$dst"; trap - EXIT
gofmt -l "$dst"
echo "third_party/$dst: zapx $ver + $(find zapx-patches -name "*.patch" | wc -l) patches, $(du -sb "$dst" | cut -f1) bytes"
