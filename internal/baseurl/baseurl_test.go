package baseurl

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, origin, path string
	}{
		{"", "", "/"},
		{"/", "", "/"},
		{"  /chi-so-cchc/  ", "", "/chi-so-cchc/"},
		{"/chi-so-cchc", "", "/chi-so-cchc/"},
		{"chi-so-cchc", "", "/chi-so-cchc/"},
		{"/a/b-c_d.e~f/", "", "/a/b-c_d.e~f/"},
		{"/chi%20so/", "", "/chi%20so/"},
		{"https://portal.example.gov.vn/chi-so-cchc/", "https://portal.example.gov.vn", "/chi-so-cchc/"},
		{"https://portal.example.gov.vn/chi-so-cchc", "https://portal.example.gov.vn", "/chi-so-cchc/"},
		{"HTTPS://Portal.Example.GOV.vn", "https://portal.example.gov.vn", "/"},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080", "/"},
		{"http://[::1]:8080/x/", "http://[::1]:8080", "/x/"},
		{"https://xn--chs-9na.vn/", "https://xn--chs-9na.vn", "/"},
	} {
		b, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if b.Origin != tc.origin || b.Path != tc.path {
			t.Errorf("Parse(%q) = %+v, want origin %q path %q", tc.in, b, tc.origin, tc.path)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for in, want := range map[string]string{
		"//other.host/":                     `base URL "//other.host/" has no scheme: a protocol-relative address would make pages load from another host`,
		`\\other.host\x`:                    "has no scheme",
		"ftp://host/x/":                     `base URL "ftp://host/x/": only http and https addresses are accepted`,
		"javascript:alert(1)":               "only http and https addresses are accepted",
		"data:text/html,x":                  "only http and https addresses are accepted",
		"file:///etc/":                      "only http and https",
		"https:/host/x/":                    "must be followed by // and a host name",
		"https:///x/":                       "no host name after //",
		"https://user:pw@host/":             "must not carry a user name or password",
		"https://host/x/?a=1":               "must not have a query (?) or fragment (#)",
		"/x/#top":                           "must not have a query (?) or fragment (#)",
		"https://ho st/":                    "invalid host name",
		"https://hòa-lâm.vn/":               "xn-- form",
		"https://host:99999/":               `invalid port "99999"`,
		"https://host:/":                    "empty port",
		"https://-host/":                    "invalid host name",
		"/a//b/":                            "empty path segment",
		"/a/../b/":                          `path segment ".." is not allowed`,
		"/chỉ-số/":                          `character 'ỉ' is not allowed in the path`,
		"/a b/":                             `character ' ' is not allowed`,
		"/a%2/":                             `character '%' is not allowed`,
		"portal.example.gov.vn/chi-so-cchc": "looks like a host name without a scheme: write https://portal.example.gov.vn/chi-so-cchc/",
		"localhost:8080/x":                  "looks like a host name without a scheme: write http://localhost:8080/x/",
	} {
		_, err := Parse(in)
		if err == nil {
			t.Errorf("Parse(%q) accepted", in)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v\nwant it to contain %q", in, err, want)
		}
	}
}

func TestAbs(t *testing.T) {
	b, _ := Parse("https://portal.example.gov.vn/chi-so-cchc/")
	if got := b.Abs("/nam/2023/"); got != "https://portal.example.gov.vn/chi-so-cchc/nam/2023/" {
		t.Errorf("Abs = %q", got)
	}
	if got := b.String(); got != "https://portal.example.gov.vn/chi-so-cchc/" {
		t.Errorf("String = %q", got)
	}
	p, _ := Parse("/chi-so-cchc/")
	if got := p.Abs("/nam/"); got != "" {
		t.Errorf("Abs without an origin = %q, want empty", got)
	}
}
