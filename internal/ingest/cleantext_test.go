package ingest

import (
	"strings"
	"testing"

	"parindex/internal/viet"
)

// TestCleanTextOneLine: the one-line shortcut of cleanText gives what the
// line-by-line path gives.
func TestCleanTextOneLine(t *testing.T) {
	slow := func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = viet.Clean(l)
		}
		return strings.Trim(strings.Join(lines, "\n"), "\n")
	}
	for _, s := range []string{"", " ", "Kế hoạch  số 46/KH-UBND\u00a0ngày 20/03/2020 ", "\tTổ\u0301ng\t", "a\u2028b", "\u00a0", "Hoà  Lâm\f"} {
		if got, want := cleanText(s), slow(s); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", s, got, want)
		}
	}
}
