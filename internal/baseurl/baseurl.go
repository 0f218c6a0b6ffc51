// Package baseurl reads the address a site is published under, as a
// webmaster types it on the command line (--base-url) or in data/site.yaml
// (base_url), and is the one place that decides what is accepted. Build,
// serve and the render stage all take their base path from it.
//
// Input: a string. Output: a Base whose Path every link and asset URL of the
// site starts with ("/" or e.g. "/chi-so-cchc/"), and whose Origin
// ("https://portal.example.gov.vn", or "" for a bare path) makes absolute
// URLs where a page needs one (its canonical address). Links inside the site
// stay root-relative, so the built site loads only from wherever it is
// served and never requests another host.
//
// Accepted: a path ("/chi-so-cchc/", "/chi-so-cchc", "chi-so-cchc", "/" or
// nothing) or an http(s) URL of a host with an optional path
// ("https://portal.example.gov.vn/chi-so-cchc/"). Refused with a message
// saying what to write instead: a protocol-relative URL ("//host/"), any
// other scheme, a user name or password, a query or fragment, ".." or empty
// path segments, characters a URL path does not carry literally, and a bare
// host name without a scheme ("portal.gov.vn/chi-so-cchc").
package baseurl

import (
	"fmt"
	"net"
	"strings"
)

// Base is a normalised base URL.
type Base struct {
	Origin string // "https://host[:port]", lower-case scheme and host; "" for a bare path
	Path   string // starts and ends with "/"
}

// String is the base as a URL: Origin + Path.
func (b Base) String() string { return b.Origin + b.Path }

// Abs is the absolute URL of a site-relative path ("/nam/2023/"), or "" when
// the base has no origin.
func (b Base) Abs(p string) string {
	if b.Origin == "" {
		return ""
	}
	return b.Origin + b.Path + strings.TrimPrefix(p, "/")
}

// Root is the base "/".
var Root = Base{Path: "/"}

// Parse reads a base URL; see the package documentation for what is
// accepted. Surrounding spaces are ignored and an empty string is the root.
func Parse(s string) (Base, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Root, nil
	}
	example := " (write a path such as /chi-so-cchc/ or a full address such as https://portal.example.gov.vn/chi-so-cchc/)"
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, `\\`) {
		return Base{}, fmt.Errorf("base URL %q has no scheme: a protocol-relative address would make pages load from another host%s", s, example)
	}
	if strings.ContainsAny(s, "?#") {
		return Base{}, fmt.Errorf("base URL %q must not have a query (?) or fragment (#)%s", s, example)
	}
	if i := strings.Index(s, ":"); i >= 0 && !strings.Contains(s[:i], "/") {
		scheme := strings.ToLower(s[:i])
		rest := s[i+1:]
		if scheme != "http" && scheme != "https" {
			if port, _, _ := strings.Cut(rest, "/"); port != "" && strings.Trim(port, "0123456789") == "" {
				return Base{}, fmt.Errorf("base URL %q looks like a host name without a scheme: write http://%s or a path such as /chi-so-cchc/", s, strings.TrimSuffix(s, "/")+"/")
			}
			return Base{}, fmt.Errorf("base URL %q: only http and https addresses are accepted%s", s, example)
		}
		if !strings.HasPrefix(rest, "//") {
			return Base{}, fmt.Errorf("base URL %q: %s: must be followed by // and a host name%s", s, scheme, example)
		}
		host, p, _ := strings.Cut(rest[2:], "/")
		if strings.Contains(host, "@") {
			return Base{}, fmt.Errorf("base URL %q must not carry a user name or password%s", s, example)
		}
		h, err := checkHost(host)
		if err != nil {
			return Base{}, fmt.Errorf("base URL %q: %v%s", s, err, example)
		}
		path, err := cleanPath(p)
		if err != nil {
			return Base{}, fmt.Errorf("base URL %q: %v%s", s, err, example)
		}
		return Base{Origin: scheme + "://" + h, Path: path}, nil
	}
	if first, _, _ := strings.Cut(strings.TrimPrefix(s, "/"), "/"); !strings.HasPrefix(s, "/") && looksLikeHost(first) {
		return Base{}, fmt.Errorf("base URL %q looks like a host name without a scheme: write https://%s or a path such as /chi-so-cchc/", s, strings.TrimSuffix(s, "/")+"/")
	}
	path, err := cleanPath(s)
	if err != nil {
		return Base{}, fmt.Errorf("base URL %q: %v%s", s, err, example)
	}
	return Base{Path: path}, nil
}

// cleanPath makes p start and end with "/" and checks each segment.
func cleanPath(p string) (string, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/", nil
	}
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "":
			return "", fmt.Errorf("empty path segment (//)")
		case ".", "..":
			return "", fmt.Errorf("path segment %q is not allowed", seg)
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			case c == '%' && i+2 < len(seg) && isHex(seg[i+1]) && isHex(seg[i+2]):
				i += 2
			default:
				return "", fmt.Errorf("character %q is not allowed in the path (use letters a-z, digits, -, _, . and ~)", runeAt(seg, i))
			}
		}
	}
	return "/" + p + "/", nil
}

// checkHost accepts a DNS name, an IPv4 address or a bracketed IPv6
// address, with an optional port, and lower-cases it.
func checkHost(h string) (string, error) {
	if h == "" {
		return "", fmt.Errorf("no host name after //")
	}
	host, port := h, ""
	if strings.HasPrefix(h, "[") {
		end := strings.Index(h, "]")
		if end < 0 || net.ParseIP(h[1:end]) == nil {
			return "", fmt.Errorf("invalid IPv6 address %q", h)
		}
		host, port = h[:end+1], strings.TrimPrefix(h[end+1:], ":")
		if port == "" && len(h) > end+1 {
			return "", fmt.Errorf("invalid host %q", h)
		}
	} else if i := strings.LastIndex(h, ":"); i >= 0 {
		host, port = h[:i], h[i+1:]
		if port == "" {
			return "", fmt.Errorf("empty port in %q", h)
		}
	}
	if port != "" {
		n := 0
		for _, c := range port {
			if c < '0' || c > '9' {
				return "", fmt.Errorf("invalid port %q", port)
			}
			n = n*10 + int(c-'0')
			if n > 65535 {
				return "", fmt.Errorf("invalid port %q", port)
			}
		}
	}
	if !strings.HasPrefix(host, "[") {
		labels := strings.Split(strings.TrimSuffix(host, "."), ".")
		for _, l := range labels {
			if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
				return "", fmt.Errorf("invalid host name %q", host)
			}
			for i := 0; i < len(l); i++ {
				c := l[i]
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
					return "", fmt.Errorf("invalid host name %q (write an internationalised name in its xn-- form)", host)
				}
			}
		}
	}
	h = strings.ToLower(host)
	if port != "" {
		h += ":" + port
	}
	return h, nil
}

// looksLikeHost is true for "portal.gov.vn" or "localhost:8080": a first
// path segment with a dot followed by letters, or a port.
func looksLikeHost(seg string) bool {
	if strings.Contains(seg, ":") {
		return true
	}
	i := strings.LastIndex(seg, ".")
	if i <= 0 || i == len(seg)-1 {
		return false
	}
	for _, c := range seg[i+1:] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func runeAt(s string, i int) rune {
	for j, r := range s {
		if j >= i {
			return r
		}
	}
	return rune(s[i])
}
