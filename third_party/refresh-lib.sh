# Shared by bleve-refresh.sh and zapx-refresh.sh (sourced, not run): rebuild
# third_party/$dst from an upstream module release plus the patches in
# $dst-patches/, keeping only what a build needs (the non-test .go files,
# go.mod, the licences) minus the paths given.
#   refresh MODULE DST VERSION PREP [EXCLUDED-PATH ...]
# PREP is a function run on the new tree (its folder and the module's) before
# the patches are applied, or "" for none.
refresh() {
	local mod=$1 dst=$2 ver=$3 prep=$4; shift 4
	local src new p
	src=$(go mod download -json "$mod@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	test -d "$src" || { echo "$dst-refresh: no module directory for $ver" >&2; exit 1; }
	local excl=()
	for p in "$@"; do excl+=(! -path "./$p/*"); done
	new=$(mktemp -d); trap 'rm -rf "$new"' EXIT
	(cd "$src" && find . -type f \( \( -name '*.go' ! -name '*_test.go' \) -o -name LICENSE -o -name go.mod \) \
		"${excl[@]}" -print0) |
		(cd "$src" && xargs -0 cp --parents -t "$new")
	chmod -R u+w "$new"
	if [ -n "$prep" ]; then "$prep" "$new" "$src"; fi
	for p in "$dst"-patches/*.patch; do patch -s --no-backup-if-mismatch -d "$new" -p1 < "$p"; done
	cp "$dst/PATCHES.md" "$new/" 2>/dev/null || true
	rm -rf "$dst"; mv "$new" "$dst"; chmod 755 "$dst"; trap - EXIT
	gofmt -l "$dst"
	echo "third_party/$dst: $mod $ver + $(find "$dst"-patches -name "*.patch" | wc -l) patches, $(du -sb "$dst" | cut -f1) bytes"
}
