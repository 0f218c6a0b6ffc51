package viet

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfd builds the decomposed form of s, as macOS file names and some legacy
// fonts deliver it: the base letter followed by combining marks.
func nfd(s string) string { return norm.NFD.String(s) }

func TestNFDFixtureReallyDecomposed(t *testing.T) {
	// Guard against the fixtures silently being NFC.
	for _, s := range []string{"Đắk Lắk", "Thừa Thiên Huế", "Hồ Chí Minh"} {
		if nfd(s) == s {
			t.Fatalf("nfd(%q) did not change the bytes", s)
		}
		if !norm.NFD.IsNormalString(nfd(s)) || norm.NFC.IsNormalString(nfd(s)) {
			t.Fatalf("nfd(%q) is not a proper NFD fixture", s)
		}
	}
}

func TestNFC(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"already NFC", "Đắk Lắk", "Đắk Lắk"},
		{"NFD composes: ắ is a+breve+acute", nfd("Đắk Lắk"), "Đắk Lắk"},
		{"NFD with horn: ư ơ", nfd("Thừa Thiên Huế, Cần Thơ"), "Thừa Thiên Huế, Cần Thơ"},
		{"hand-made NFD: a + breve + acute", "a\u0306\u0301", "ắ"},
		{"ASCII untouched", "PAR Index 2024", "PAR Index 2024"},
		{"empty", "", ""},
		{"whitespace is not touched by NFC", " a\u00a0b ", " a\u00a0b "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NFC(tt.in); got != tt.want {
				t.Errorf("NFC(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"trim", "  Hà Nội  ", "Hà Nội"},
		{"NBSP and narrow NBSP collapse", "Hà\u00a0Nội\u202fmới", "Hà Nội mới"},
		{"tabs and newlines", "Sở\tNội\r\n  vụ\n", "Sở Nội vụ"},
		{"ideographic space and line separator", "a\u3000\u2028b", "a b"},
		{"zero-width space and BOM removed without a space", "\ufeffHà\u200bNội", "HàNội"},
		{"NFD input becomes NFC", nfd(" Đắk  Lắk "), "Đắk Lắk"},
		{"case and punctuation kept", "TP.  Hồ Chí Minh (cũ)", "TP. Hồ Chí Minh (cũ)"},
		{"only spaces", " \t\u00a0\n", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Clean(got); again != got {
				t.Errorf("Clean not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"tones and vowel marks removed, case kept", "Đắk Lắk", "Dak Lak"},
		{"đ does not decompose: mapped explicitly", "đường Đinh Tiên Hoàng", "duong Dinh Tien Hoang"},
		{"all upper case", "ĐẮK LẮK", "DAK LAK"},
		{"NFD input", nfd("Thừa Thiên-Huế"), "Thua Thien-Hue"},
		{"horned and hatted vowels", "ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư", "a a e o o u A A E O O U"},
		{"every tone on a", "a à ả ã á ạ", "a a a a a a"},
		{"y with tones", "ỳ ỷ ỹ ý ỵ", "y y y y y"},
		{"punctuation kept", "TP. Hồ Chí Minh", "TP. Ho Chi Minh"},
		{"whitespace cleaned first", "  Bà\u00a0Rịa –\tVũng Tàu ", "Ba Ria – Vung Tau"},
		{"lone mark after a space does not leave two spaces", "a \u0301 b", "a b"},
		{"other Latin diacritics too", "Nguyễn Ngọc Ánh, São Paulo, Müller", "Nguyen Ngoc Anh, Sao Paulo, Muller"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// One province, four spellings found in source files.
		{"Đắk Lắk", "dak lak"},
		{"Đăk Lăk", "dak lak"},
		{"ĐẮK LẮK", "dak lak"},
		{nfd("Đắk Lắk"), "dak lak"},
		{nfd("ĐẮK LẮK"), "dak lak"},
		{"Dak Lak", "dak lak"},
		// Hyphen and space variants.
		{"Thừa Thiên-Huế", "thua thien hue"},
		{"Thừa Thiên Huế", "thua thien hue"},
		{"Thừa Thiên - Huế", "thua thien hue"},
		{nfd("Thừa Thiên–Huế"), "thua thien hue"}, // en dash
		// Abbreviation with a dot.
		{"TP. Hồ Chí Minh", "tp ho chi minh"},
		{"TP.Hồ Chí Minh", "tp ho chi minh"},
		{"Tp Hồ Chí Minh", "tp ho chi minh"},
		{"Bà Rịa – Vũng Tàu", "ba ria vung tau"},
		{"UBND xã Tân An (cũ)", "ubnd xa tan an cu"},
		{"  Sở\u00a0Nội vụ\n", "so noi vu"},
		// Apostrophes inside names do not break the word.
		{"Đắk R'Lấp", "dak rlap"},
		{"Đắk R’lấp", "dak rlap"},
		{"Đắk Rlấp", "dak rlap"},
		// Soft hyphen and zero-width characters are invisible: dropped.
		{"Quảng\u00adNgãi", "quangngai"},
		{"Quảng\u200bNgãi", "quangngai"},
		{"Sở Y tế (2023), số 12/QĐ-UBND", "so y te 2023 so 12 qd ubnd"},
		{"", ""},
		{" - . , ", ""},
	}
	for _, tt := range tests {
		got := Key(tt.in)
		if got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Key(got); again != got {
			t.Errorf("Key not idempotent: Key(%q) = %q", got, again)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Sở Nội vụ", "so-noi-vu"},
		{"Đắk Lắk", "dak-lak"},
		{nfd("ĐẮK LẮK"), "dak-lak"},
		{"UBND xã Tân An (cũ)", "ubnd-xa-tan-an-cu"},
		{"Thừa Thiên-Huế", "thua-thien-hue"},
		{"TP. Hồ Chí Minh", "tp-ho-chi-minh"},
		{"  --Bà Rịa – Vũng Tàu--  ", "ba-ria-vung-tau"},
		{"Chỉ số PAR Index 2024", "chi-so-par-index-2024"},
		{"Quyết định số 1234/QĐ-BNV", "quyet-dinh-so-1234-qd-bnv"},
		{"Москва Hà Nội", "ha-noi"}, // non-Latin letters have no ASCII form: they only separate
		{"北京", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecimalComma(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"12.5", "12,5"},
		{"-3.25", "-3,25"},
		{"1234.5", "1.234,5"},
		{"1234", "1.234"},
		{"123", "123"},
		{"0", "0"},
		{"0.05", "0,05"},
		{"-1234567.891", "-1.234.567,891"},
		{"1234567.1234", "1.234.567,1234"},
		{"100000", "100.000"},
		{"+42.0", "+42,0"},
		{"-0", "-0"},
		// Not a plain decimal: returned unchanged.
		{"", ""},
		{"—", "—"},
		{"NaN", "NaN"},
		{"1e6", "1e6"},
		{"1,5", "1,5"},
		{".5", ".5"},
		{"5.", "5."},
		{"-", "-"},
		{" 12.5", " 12.5"},
		{"1.2.3", "1.2.3"},
	}
	for _, tt := range tests {
		if got := DecimalComma(tt.in); got != tt.want {
			t.Errorf("DecimalComma(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCollationOrder checks the Vietnamese alphabet
// a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (primary),
// tones as a secondary difference (ngang < huyền < hỏi < ngã < sắc < nặng),
// case as tertiary, and word-by-word order (a space sorts before letters).
// The expected order below was written from those rules, not from the
// collator's output.
func TestCollationOrder(t *testing.T) {
	want := []string{
		"An Lão",
		"Azin",
		"Ăn",             // ă after every plain a
		"Ân Thi",         // â after ă
		"ba", "Ba", "BA", // case: tertiary, lower first
		"Bà", "Bả", "Bã", "Bá", "Bạ", // tones: secondary
		"Ba Vì",    // word by word: "ba " before "bac"
		"Bạc Liêu", // tone of ạ only matters if all else is equal
		"Bắc Ninh", // ă after a
		"Cà Mau",
		"Cao Bằng",
		"Dĩ An",
		"Dương",
		"Dz",
		"Đà Nẵng", // đ after every d
		"Điện Biên",
		"Ea Súp",
		"Ê Đê",
		"Gia Lai",
		"Giang",
		"Hà Giang",
		"Hà Nội",
		"Hải Phòng",
		"Hậu Giang",
		"Hòa Bình",
		"Huế",
		"Hưng Yên",
		"Khánh Hòa", // modern order: kh is k+h, not a letter of its own
		"Kon Tum",
		"Lạng Sơn",
		"Lào Cai",
		"Lâm Đồng",
		"Nghệ An",
		"Ninh Bình",
		"O", "Ô", "Ơ",
		"Phú Yên",
		"Phường 3",
		"Phường 12",  // numbers by value, not digit by digit
		"Quảng Bình", // "quang" < "quân": a before â
		"Quảng Nam",
		"Quận 1",
		"Quận 2",
		"Quận 10",
		"Quận Ba Đình", // digits before letters
		"Sóc Trăng",
		"Sơn La",
		"Tây Ninh",
		"Thái Bình",
		"Thua",
		"Thừa Thiên Huế",
		"Thừa Thiên-Huế",
		"Trà Vinh",
		"Ung", "Ưng",
		"Vĩnh Long",
		"Xuân",
		"Yên Bái",
	}
	// Shuffle deterministically, in two different ways, and sort back.
	for _, in := range [][]string{reversed(want), interleaved(want)} {
		got := slices.Clone(in)
		SortStrings(got)
		if !slices.Equal(got, want) {
			t.Errorf("SortStrings order wrong:\n got %q\nwant %q", got, want)
		}
	}
	for i := 1; i < len(want); i++ {
		if !Less(want[i-1], want[i]) || Less(want[i], want[i-1]) {
			t.Errorf("Less(%q, %q) wrong", want[i-1], want[i])
		}
	}
}

func TestCollatorNFDEqualsNFC(t *testing.T) {
	c := NewCollator()
	for _, s := range []string{"Đắk Lắk", "Thừa Thiên Huế", "Ơ", "Quảng Ngãi"} {
		if r := c.Compare(s, nfd(s)); r != 0 {
			t.Errorf("Compare(%q, NFD) = %d, want 0", s, r)
		}
	}
	if c.Compare("Ô", "Ơ") >= 0 || c.Compare("Ơ", "Ô") <= 0 {
		t.Errorf("want Ô < Ơ")
	}
	// Deterministic tie-break: NFC and NFD of one name in either input
	// order give the same sorted bytes.
	a := []string{nfd("Hà Nội"), "Hà Nội"}
	b := []string{"Hà Nội", nfd("Hà Nội")}
	SortStrings(a)
	SortStrings(b)
	if !slices.Equal(a, b) {
		t.Errorf("tie-break not deterministic: %q vs %q", a, b)
	}
}

func TestCollatorConcurrent(t *testing.T) {
	c := NewCollator()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if c.Compare("Bạc Liêu", "Bắc Ninh") >= 0 || !Less("Đà Nẵng", "Điện Biên") {
					t.Error("wrong order under concurrency")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

func interleaved(s []string) []string {
	var r []string
	for i := 1; i < len(s); i += 2 {
		r = append(r, s[i])
	}
	for i := 0; i < len(s); i += 2 {
		r = append(r, s[i])
	}
	return r
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func FuzzSlugKey(f *testing.F) {
	for _, s := range []string{
		"Đắk Lắk", nfd("ĐẮK LẮK"), "Thừa Thiên-Huế", "TP. Hồ Chí Minh",
		"UBND xã Tân An (cũ)", "  ", "-", "a--b", "\u0301", "İstanbul",
		"Ǆ", "ß", "K", "\xff\xfe", "Đắk R’Lấp", "Quảng\u00adNgãi", "١٢٣",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		if slug != "" && !slugRE.MatchString(slug) {
			t.Errorf("Slug(%q) = %q, not a clean slug", s, slug)
		}
		k := Key(s)
		if k2 := Key(k); k2 != k {
			t.Errorf("Key not idempotent: Key(%q) = %q, Key of that = %q", s, k, k2)
		}
		if !utf8.ValidString(k) || strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Errorf("Key(%q) = %q: invalid UTF-8 or bad spacing", s, k)
		}
		if Slug(k) != slug {
			t.Errorf("Slug(Key(%q)) = %q, Slug = %q", s, Slug(k), slug)
		}
		c := Clean(s)
		if Clean(c) != c {
			t.Errorf("Clean not idempotent on %q", s)
		}
	})
}
