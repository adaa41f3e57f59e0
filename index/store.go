package index

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// An index folder holds generations, each a complete bleve index:
//
//	DIR/CURRENT      names the last published generation ("gen-000007")
//	DIR/gen-000007/  what searches read, never written again once published
//	DIR/work/        the running writer's open working index
//	DIR/lock         held (flock) by the one writer
//
// A writer makes its working index by hard-linking the immutable segment files
// of the current generation and copying the rest, keeps it open for the run,
// and publishes it at checkpoints and at the end by copying a consistent
// snapshot of it into the next generation (publish.go) and renaming a new
// CURRENT into place. Searches open the generation CURRENT names,
// read-only, so they never wait on the writer and the writer never waits on them;
// a kill at any moment leaves CURRENT naming a complete index.

// ErrNoIndex is returned when the folder has no published index.
var ErrNoIndex = errors.New("no index")

// ErrLocked is returned when another writer holds the index.
var ErrLocked = errors.New("another partynews index run is using this index")

const currentFile = "CURRENT"

func genName(n int) string { return fmt.Sprintf("gen-%06d", n) }

func parseGen(name string) (int, bool) {
	if !strings.HasPrefix(name, "gen-") {
		return 0, false
	}
	n, err := strconv.Atoi(name[4:])
	return n, err == nil && n > 0
}

// current returns the published generation number, 0 when there is none.
func current(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, ok := parseGen(strings.TrimSpace(string(b)))
	if !ok {
		return 0, fmt.Errorf("%s: corrupt CURRENT file %q", dir, b)
	}
	return n, nil
}

// publish makes generation n current, atomically and durably.
func publish(dir string, n int) error {
	tmp := filepath.Join(dir, currentFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(genName(n) + "\n"); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, currentFile)); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// removeStale deletes every generation but keep (a crashed writer's leftovers,
// superseded generations). Searches holding an old one open keep their files.
func removeStale(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if n, ok := parseGen(e.Name()); ok && n != keep {
			errs = append(errs, os.RemoveAll(filepath.Join(dir, e.Name())))
		}
	}
	return errors.Join(errs...)
}

// lastGen returns the highest generation number present on disk.
func lastGen(dir string) int {
	entries, _ := os.ReadDir(dir)
	names := make([]int, 0, len(entries))
	for _, e := range entries {
		if n, ok := parseGen(e.Name()); ok {
			names = append(names, n)
		}
	}
	sort.Ints(names)
	if len(names) == 0 {
		return 0
	}
	return names[len(names)-1]
}

// cloneGen makes dst a copy of src: segment files (*.zap, immutable) hard-linked,
// everything else copied.
func cloneGen(src, dst string) error {
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, ".zap") {
			if err := os.Link(path, target); err == nil {
				return nil
			}
		}
		return copyFile(path, target, info.Mode())
	})
}

func copyFile(src, dst string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode.Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// lockDir takes the writer lock of dir, waiting up to wait for it.
func lockDir(dir string, wait time.Duration) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(wait)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", dir, err)
		}
		if time.Now().After(deadline) {
			holder, _ := os.ReadFile(filepath.Join(dir, "lock"))
			f.Close()
			if h := strings.TrimSpace(string(holder)); h != "" {
				return nil, fmt.Errorf("%w (%s)", ErrLocked, h)
			}
			return nil, ErrLocked
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(fmt.Sprintf("pid %d since %s\n", os.Getpid(), time.Now().Format(time.RFC3339))), 0)
	return f, nil
}
