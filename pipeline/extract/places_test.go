package extract

import (
	"bufio"
	"strings"
	"testing"
)

// The places file holds the 34 provincial units of 2025 and the 63 of before,
// and each of its places is known under its key in every script.
func TestPlacesData(t *testing.T) {
	counts := map[string]int{}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(placesData))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
		case section == "provinces_2025" || section == "provinces_before_2025":
			counts[section]++ // one unit a line
		}
	}
	if counts["provinces_2025"] != 34 {
		t.Errorf("provinces_2025 has %d units, want 34", counts["provinces_2025"])
	}
	// every unit of 2025 but Huế (then Thừa Thiên Huế) kept the name of a unit of
	// before: the 63 old units are 33 of those and the 30 merged away
	if n := counts["provinces_2025"] + counts["provinces_before_2025"]; n != 64 {
		t.Errorf("provinces: %d names in all, want 64 (63 old units and Huế, a city since 2025)", n)
	}
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Ho Chi Minh City", true}, {"Đồng Tháp", true}, {"Dong Thap", true}, {"Ha Tinh", true},
		{"Thừa Thiên Huế", true}, {"Lam Son", true}, {"Tổng Bí", true}, {"Ba Ria", true},
		{"To Lam", false}, {"Pham Minh Chinh", false}, {"Ho Chi Minh", false}, {"Tran Thanh Man", false},
	} {
		if got := theNames().places[PersonKey(c.name)]; got != c.want {
			t.Errorf("place %q (key %q): %v, want %v", c.name, PersonKey(c.name), got, c.want)
		}
	}
}
