package perm

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

func TestShare(t *testing.T) {
	tests := []struct {
		umask          os.FileMode
		file, dir, sub os.FileMode
	}{
		{0o022, 0o644, 0o755, 0o755},
		{0o002, 0o664, 0o775, 0o775},
		{0o027, 0o640, 0o750, 0o750},
		{0o077, 0o600, 0o700, 0o700},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("umask %03o", tc.umask), func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "gen-000001")
			sub := filepath.Join(root, "store")
			if err := os.MkdirAll(sub, 0o700); err != nil {
				t.Fatal(err)
			}
			files := []string{filepath.Join(root, "index_meta.json"), filepath.Join(sub, "root.bolt"), filepath.Join(sub, "000000000001.zap")}
			for _, f := range files {
				if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(f, 0o600); err != nil { // whatever the test's umask
					t.Fatal(err)
				}
			}
			if err := os.Chmod(root, 0o700); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(sub, "link")
			if err := os.Symlink("root.bolt", link); err != nil {
				t.Fatal(err)
			}
			if err := Share(root, tc.umask); err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if m := mode(t, f); m != tc.file {
					t.Errorf("%s: %03o, want %03o", f, m, tc.file)
				}
			}
			if m := mode(t, root); m != tc.dir {
				t.Errorf("%s: %03o, want %03o", root, m, tc.dir)
			}
			if m := mode(t, sub); m != tc.sub {
				t.Errorf("%s: %03o, want %03o", sub, m, tc.sub)
			}
		})
	}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	if got := Umask(); got != 0o027 {
		t.Fatalf("Umask() = %03o, want 027", got)
	}
}

// TestOtherUserCanSearch writes a bleve index as this user, shares it under
// umask 022, and opens and searches it read-only as user nobody (65534) in a
// child process. It needs root to switch users.
func TestOtherUserCanSearch(t *testing.T) {
	if dir := os.Getenv("PERM_TEST_OPEN"); dir != "" {
		t.Skip("child run")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a child as another user")
	}
	base, err := os.MkdirTemp("", "perm-test-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	gen := filepath.Join(base, "gen-000001")
	idx, err := bleve.NewUsing(gen, bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Index("d1", map[string]any{"body": "the delegation crossed the bridge"}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	// The test binary sits in a private build folder: run a copy nobody can read.
	self, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "perm.test")
	if err := os.WriteFile(bin, self, 0o755); err != nil {
		t.Fatal(err)
	}
	child := func() ([]byte, error) {
		cmd := exec.Command(bin, "-test.run=^TestOpenAsChild$", "-test.v")
		cmd.Env = append(os.Environ(), "PERM_TEST_OPEN="+gen)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		return cmd.CombinedOutput()
	}
	if out, err := child(); err == nil {
		t.Fatalf("bleve's own modes let another user search; the fix is no longer needed?\n%s", out)
	} else if !strings.Contains(string(out), "permission denied") && !strings.Contains(string(out), "metadata missing") {
		// bleve reports an unreadable index_meta.json (its folder is 0700) as
		// "cannot open index, metadata missing".
		t.Fatalf("child failed, but not on permissions: %v\n%s", err, out)
	}
	if err := Share(gen, 0o022); err != nil {
		t.Fatal(err)
	}
	if out, err := child(); err != nil {
		t.Fatalf("after Share, another user cannot search: %v\n%s", err, out)
	}
}

// TestOpenAsChild is the child of TestOtherUserCanSearch.
func TestOpenAsChild(t *testing.T) {
	dir := os.Getenv("PERM_TEST_OPEN")
	if dir == "" {
		t.Skip("run by TestOtherUserCanSearch")
	}
	idx, err := bleve.OpenUsing(dir, map[string]any{"read_only": true, "bolt_timeout": "1s"})
	if err != nil {
		t.Fatalf("uid %d: open: %v", os.Getuid(), err)
	}
	defer idx.Close()
	res, err := idx.Search(bleve.NewSearchRequest(bleve.NewMatchQuery("bridge")))
	if err != nil || res.Total != 1 {
		t.Fatalf("uid %d: search: %v %v", os.Getuid(), res, err)
	}
}
