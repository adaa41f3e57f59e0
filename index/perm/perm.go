// Package perm makes what a partynews writer publishes readable by the users
// its umask allows.
//
// bleve v2.6.1, zapx and bbolt create every index file and folder with fixed
// modes and no option to change them: scorch's folder 0700 (scorch.go openBolt,
// index_meta.go), root.bolt 0600 (util.OpenBolt from scorch.go, rollback.go,
// builder.go), each zap segment 0600 (zapx v17 build.go persistSegmentBase and
// merge.go mergeSegmentBases; v15/v16 alike), the offline builder 0700/0600.
// The umask can only take bits away from those, so other users get
// "permission denied" whatever it is. index_meta.json is the one file opened
// 0666, which the umask trims.
//
// A generation is never written once published, so the least invasive fix is
// one pass over it just before it is published: files become 0666&^umask
// (0644 under umask 022), folders 0777&^umask (0755). Segment files shared
// with the previous generation by hard links are the same inodes, already so.
package perm

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Umask returns the process's umask. It reads /proc/self/status (Linux 4.7
// and later) and otherwise sets and restores the umask, which is racy with
// goroutines creating files: call it once, early.
func Umask() os.FileMode {
	if f, err := os.Open("/proc/self/status"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "Umask:"); ok {
				if n, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return os.FileMode(n) & os.ModePerm
				}
			}
		}
	}
	old := syscall.Umask(0o022)
	syscall.Umask(old)
	return os.FileMode(old) & os.ModePerm
}

// Modes returns the modes a file and a folder created under umask get when
// their creator asks for the usual 0666 and 0777.
func Modes(umask os.FileMode) (file, dir os.FileMode) {
	return 0o666 &^ umask, 0o777 &^ umask
}

// Share sets every regular file under root (root included) to 0666&^umask and
// every folder to 0777&^umask, leaving symbolic links and other files alone.
// Files the caller does not own are skipped if chmod is refused. It never widens
// a mode beyond what the umask allows and it changes only the permission bits.
func Share(root string, umask os.FileMode) error {
	fileMode, dirMode := Modes(umask)
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		var want os.FileMode
		switch {
		case d.IsDir():
			want = dirMode
		case d.Type().IsRegular():
			want = fileMode
		default:
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().Perm() == want {
			return nil
		}
		if err := os.Chmod(path, want|(info.Mode()&(os.ModeSetgid|os.ModeSetuid|os.ModeSticky))); err != nil {
			if os.IsPermission(err) {
				return nil
			}
			return fmt.Errorf("share %s: %w", path, err)
		}
		return nil
	})
}
