package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partynews/partynews/corpus/sample"
)

// runErr runs a command line and returns its exit status, stdout and stderr.
func runErr(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = f
	code, out := runT(t, args...)
	os.Stderr = saved
	f.Close()
	b, _ := os.ReadFile(f.Name())
	return code, out, string(b)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The query language on the command line: field clauses filter, notes on
// stderr, the query bounds' exit codes and messages, the help topic.
func TestSearchQueryCLI(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "index")
	src := filepath.Join(dir, "archive")
	paths, err := sample.WriteTo(src)
	if err != nil {
		t.Fatal(err)
	}
	if code, out := runT(t, "index", "--index", idx, src); code != exitOK {
		t.Fatalf("index: %d %s", code, out)
	}
	// words of the sample's text, for long pasted queries
	var words []string
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		for _, w := range strings.Fields(string(b)) {
			if !strings.ContainsAny(w, `:"+-`) && w != "OR" {
				words = append(words, w)
			}
		}
	}
	long := func(n int) string {
		var b []string
		for i := 0; len(b) < n; i++ {
			b = append(b, words[i%len(words)])
		}
		return strings.Join(b, " ")
	}

	// the cap's worth of distinct words (as qbound counts them): searched
	seen := map[string]bool{}
	var distinct []string
	for _, w := range words {
		k := strings.ToLower(strings.Trim(w, ".,;:!?()[]{}'\"“”‘’«»–—|।۔،"))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		distinct = append(distinct, w)
		if len(distinct) == 200 {
			break
		}
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		footer string // a substring of stderr: the "N of M hits" footer
		stderr string // a substring of stderr
	}{
		{"filters", []string{"document:18-NQ/TW lang:hi"}, exitOK, "1 of 1 hits", ""},
		{"filters, none", []string{"document:18-NQ/TW lang:ur"}, exitNoMatch, "0 of 0 hits", ""},
		// a shell's person:"Be Dang Khoa" without inner quotes: three arguments
		{"unquoted name", []string{"person:Be", "Dang", "Khoa"}, exitOK, "1 of 1 hits",
			`note: reading person:Be Dang Khoa as person:"Be Dang Khoa"`},
		{"unknown name", []string{"person:To", "Lam"}, exitNoMatch, "0 of 0 hits",
			`note: person:To matches no article; did you mean person:"To Lam"?`},
		{"1,000 words", []string{long(1000)}, exitUsage, "", "query too long"},
		{"3,000 words", []string{long(3000)}, exitUsage, "", "query too long"},
		// the first 200 distinct words, all of the first article: it alone, within the bound
		{"200 distinct words", []string{strings.Join(distinct, " ")}, exitOK, "1 of 1 hits", ""},
		{"time limit", []string{"--timeout", "1ns", "सम्मेलन"}, exitUsage, "", "search stopped after 1ns of CPU, its time limit"},
		{"bad OR", []string{"OR", "सम्मेलन"}, exitUsage, "", "OR must stand between two terms"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cpu := cpuTime()
			code, out, errOut := runErr(t, append([]string{"search", "--index", idx}, tc.args...)...)
			used := cpuTime() - cpu
			if code != tc.code || !strings.Contains(errOut, tc.footer) || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errOut, tc.code, tc.footer, tc.stderr)
			}
			// the bound: answered or refused within a second of CPU (the test
			// process's CPU, which includes the other tests' goroutines: none run
			// in parallel here)
			if used > time.Second {
				t.Errorf("took %v of CPU", used)
			}
			t.Logf("%s: %v CPU", tc.name, used)
		})
	}

	code, out := runT(t, "help", "query")
	if code != exitOK || !strings.Contains(out, "person:Chinh") || !strings.Contains(out, "--timeout") {
		t.Errorf("help query: exit %d, %q", code, out)
	}
}

// timeline keeps the bounds of search: a stopped search and a query past the
// clause cap are one-line usage errors.
func TestTimelineBounds(t *testing.T) {
	idx := sampleIndexDir(t)
	var many []string
	for i := 0; i < 300; i++ {
		many = append(many, fmt.Sprintf("w%d", i))
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--timeout", "1ns", "सम्मेलन"}, "search stopped after 1ns of CPU"},
		{[]string{strings.Join(many, " ")}, "query too long"},
	} {
		code, out, errOut := runErr(t, append([]string{"timeline", "--index", idx}, tc.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tc.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("timeline %.40q: exit %d, stdout %q, stderr %q; want 2 and one line with %q", tc.args, code, out, errOut, tc.want)
		}
	}
}
