package main

import (
	"testing"
	"time"
)

// --from and --to are bounds when given, whatever the year: --from 0001
// starts at the zero time and is still a bound.
func TestDateFlags(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		from, to string
		lo, hi   string // "" : open
	}{
		{"", "", "", ""},
		{"2024", "", "2024-01-01", ""},
		{"", "2024-06", "", "2024-07-01"},
		{"0001", "", "0001-01-01", ""},
		{"0001", "0001", "0001-01-01", "0002-01-01"},
	} {
		lo, hi, err := dateFlags(c.from, c.to)
		if err != nil {
			t.Fatalf("dateFlags(%q, %q): %v", c.from, c.to, err)
		}
		if (lo == nil) != (c.lo == "") || lo != nil && !lo.Equal(day(c.lo)) {
			t.Errorf("dateFlags(%q, %q): from %v, want %q", c.from, c.to, lo, c.lo)
		}
		if (hi == nil) != (c.hi == "") || hi != nil && !hi.Equal(day(c.hi).Add(-time.Nanosecond)) {
			t.Errorf("dateFlags(%q, %q): to %v, want just before %q", c.from, c.to, hi, c.hi)
		}
	}
	if _, _, err := dateFlags("0002", "0001"); err == nil {
		t.Error("--from 0002 --to 0001 accepted")
	}
}
