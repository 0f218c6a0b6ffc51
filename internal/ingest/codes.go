package ingest

import (
	"regexp"
	"strings"

	"parindex/internal/viet"
)

// Codes and labels of detail-sheet rows: how a row's code is written and
// how the closing, bonus and penalty rows are labelled.

// codeRe splits a leading code off a content cell: "I.", "II -", "1.",
// "1.1", "1.1.", "a)", "a.", "(b)", "Tiêu chí 1.1 …". Single letters need
// punctuation, so a title starting with a one-letter word is not taken for
// a code.
var codeRe = regexp.MustCompile(`^(?:(?i:lĩnh vực|linh vuc|tiêu chí thành phần|tiêu chí|tieu chi|mục|muc)\s+)?` +
	`(?:([IVX]{1,5})(?:\s*[.:)]\s*|\s+[-–—]\s*|\s+)|` +
	`(\d{1,3}(?:\.\d{1,3}){0,4})(?:\.?\s*[-–—]\s*|\.?\s*[:)]?\s+|\.?$)|` +
	`\(?([a-zđA-Z])(?:\s*[.)]\s*|\s+[-–—]\s+))(.*)$`)

var bulletRe = regexp.MustCompile(`^[-–—+•*·]\s*`)

// splitCode returns the code at the start of a content cell and the rest.
func splitCode(s string) (code, rest string) {
	if m := codeRe.FindStringSubmatch(s); m != nil {
		for _, c := range m[1:4] {
			if c != "" {
				return c, strings.TrimSpace(bulletRe.ReplaceAllString(strings.TrimSpace(m[4]), ""))
			}
		}
	}
	return "", strings.TrimSpace(bulletRe.ReplaceAllString(s, ""))
}

// codeOnly matches a code-column cell that holds a code rather than text
// spilled over from a merged label.
var codeOnly = regexp.MustCompile(`^\(?(?:[IVXivx]{1,5}|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđA-Z])[.):]?$`)

func looksLikeCode(s string) bool { return codeOnly.MatchString(strings.ReplaceAll(s, " ", "")) }

// romanPrefixed splits "II.3" or "II-3.1" into an area numeral and the rest.
var romanPrefixed = regexp.MustCompile(`^([IVX]{1,5})[.\-/ ]\s*(\d{1,3}(?:\.\d{1,3}){0,4}|[a-z])$`)

func isRomanUpper(c string) bool {
	c = strings.TrimRight(c, ".):")
	return c != "" && strings.Trim(c, "IVX") == ""
}

func isDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func looksNumeric(code string) bool { return code != "" && isDigit(code) }

func isTotalLabel(k string) bool {
	return k == "tong" || k == "cong" || viet.KeyStartsWith(k, "tong cong", "tong diem", "tong so diem")
}

func isBonusLabel(k string) bool {
	return viet.KeyStartsWith(k, "diem thuong", "diem cong", "cong diem", "diem khuyen khich") || k == "thuong"
}

func isPenaltyLabel(k string) bool {
	return viet.KeyStartsWith(k, "diem tru", "diem phat", "tru diem") || k == "tru"
}
