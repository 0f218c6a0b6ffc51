package xlsx

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Worksheet and shared-string parts are read through a small token
// interface with two implementations: fastTokenizer, a byte scanner over an
// in-memory part that handles the plain XML spreadsheet writers produce,
// and stdTokenizer, encoding/xml's strict decoder, which handles everything
// else (other encodings, comments, CDATA, large parts streamed from the
// zip) and produces the exact syntax errors. The fast scanner never guesses:
// on anything outside its subset it returns errFallback and the caller
// starts over with encoding/xml, so both give the same tokens (see
// FuzzTokenizers). Profiling showed encoding/xml's allocating Token loop
// costing most of a build's ingest time.

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

type xmlAttr struct {
	local []byte // local name, without prefix
	value []byte // entities decoded
}

// xmlToken is valid until the next call to next; its slices may point into
// the tokenizer's buffers.
type xmlToken struct {
	kind  tokKind
	local []byte    // start and end: local name
	attrs []xmlAttr // start only
	text  []byte    // text only: character data, entities decoded
}

// attr returns the value of the last attribute with the given local name,
// as excelize's attribute loops do.
func (t *xmlToken) attr(local string) ([]byte, bool) {
	var v []byte
	found := false
	for i := range t.attrs {
		if string(t.attrs[i].local) == local {
			v, found = t.attrs[i].value, true
		}
	}
	return v, found
}

type tokenizer interface {
	next(t *xmlToken) error // io.EOF at the end; errFallback from fastTokenizer only
}

// errFallback says the fast scanner met something it leaves to encoding/xml.
var errFallback = errors.New("xlsx: outside the fast scanner's XML subset")

// stdTokenizer adapts encoding/xml's strict, namespace-aware Token loop.
type stdTokenizer struct {
	dec   *xml.Decoder
	attrs []xmlAttr
}

func newStdTokenizer(r io.Reader) *stdTokenizer {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charset.NewReaderLabel
	return &stdTokenizer{dec: dec}
}

func (s *stdTokenizer) next(t *xmlToken) error {
	for {
		tok, err := s.dec.Token()
		if err != nil {
			return err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			s.attrs = s.attrs[:0]
			for _, a := range x.Attr {
				s.attrs = append(s.attrs, xmlAttr{local: []byte(a.Name.Local), value: []byte(a.Value)})
			}
			*t = xmlToken{kind: tokStart, local: []byte(x.Name.Local), attrs: s.attrs}
			return nil
		case xml.EndElement:
			*t = xmlToken{kind: tokEnd, local: []byte(x.Name.Local)}
			return nil
		case xml.CharData:
			*t = xmlToken{kind: tokText, text: x}
			return nil
		}
		// Comments, processing instructions and directives carry no values.
	}
}

// fastTokenizer scans a whole part held in memory. It accepts UTF-8
// documents with an optional XML declaration, elements, attributes, text
// and the predefined and numeric character references; it checks what
// encoding/xml checks for those (names, quoting, nesting, characters) and
// declines the rest.
type fastTokenizer struct {
	b       []byte
	i       int
	stack   [][]byte // raw names of open elements
	closing []byte   // raw name of a self-closing element still to be ended
	attrs   []xmlAttr
	scratch []byte // decoded text and attribute values
}

func newFastTokenizer(b []byte) (*fastTokenizer, error) {
	if !plainChars(b) {
		return nil, errFallback
	}
	z := &fastTokenizer{b: b}
	if bytes.HasPrefix(b, []byte("<?")) {
		end := bytes.Index(b[2:], []byte("?>"))
		if end < 0 || !utf8Decl(b[2:2+end]) {
			return nil, errFallback
		}
		z.i = 2 + end + 2
	}
	return z, nil
}

// plainChars reports whether b is valid UTF-8 made only of characters XML
// allows (no control characters but tab, CR and LF; no U+FFFE or U+FFFF).
func plainChars(b []byte) bool {
	i := 0
	for {
		// Eight bytes at a time while they are printable ASCII: no high
		// bit set and no byte below 0x20 (the exact "has less than"
		// test from Bit Twiddling Hacks).
		for ; i+8 <= len(b); i += 8 {
			x := binary.LittleEndian.Uint64(b[i:])
			if x&0x8080808080808080 != 0 || (x-0x2020202020202020)&^x&0x8080808080808080 != 0 {
				break
			}
		}
		if i >= len(b) {
			return true
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += n
	}
}

// utf8Decl accepts the body of an XML declaration that encoding/xml would
// read as UTF-8 version 1.0: `xml version="1.0" encoding="UTF-8" ...`.
func utf8Decl(d []byte) bool {
	if !bytes.HasPrefix(d, []byte("xml")) || len(d) == 3 || !isSpace(d[3]) {
		return false
	}
	d = d[3:]
	for {
		d = bytes.TrimLeft(d, " \t\r\n")
		if len(d) == 0 {
			return true
		}
		eq := bytes.IndexByte(d, '=')
		if eq < 0 {
			return false
		}
		name := string(bytes.TrimRight(d[:eq], " \t\r\n"))
		d = bytes.TrimLeft(d[eq+1:], " \t\r\n")
		if len(d) == 0 || d[0] != '"' && d[0] != '\'' {
			return false
		}
		end := bytes.IndexByte(d[1:], d[0])
		if end < 0 {
			return false
		}
		val := string(d[1 : 1+end])
		d = d[end+2:]
		switch name {
		case "version":
			if val != "1.0" {
				return false
			}
		case "encoding":
			if val != "UTF-8" && val != "utf-8" {
				return false
			}
		case "standalone":
		default:
			return false
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// name reads an ASCII XML name at z.i and returns it raw and its local
// part, split as encoding/xml does.
func (z *fastTokenizer) name() (raw, local []byte, err error) {
	start := z.i
	if start >= len(z.b) {
		return nil, nil, errFallback
	}
	if c := z.b[start]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':') {
		return nil, nil, errFallback
	}
	colon, colons := -1, 0
	i := start
	for ; i < len(z.b) && isNameByte(z.b[i]); i++ {
		if z.b[i] == ':' {
			colon, colons = i, colons+1
		}
	}
	if colons > 1 || i < len(z.b) && z.b[i] >= utf8.RuneSelf {
		return nil, nil, errFallback
	}
	z.i = i
	raw = z.b[start:i]
	local = raw
	if colon > start && colon < i-1 {
		local = z.b[colon+1 : i]
	}
	return raw, local, nil
}

func (z *fastTokenizer) space() {
	for z.i < len(z.b) && isSpace(z.b[z.i]) {
		z.i++
	}
}

func (z *fastTokenizer) next(t *xmlToken) error {
	if z.closing != nil {
		*t = xmlToken{kind: tokEnd, local: localOf(z.closing)}
		z.closing = nil
		return nil
	}
	if z.i >= len(z.b) {
		if len(z.stack) > 0 {
			return errFallback // encoding/xml says "unexpected EOF"
		}
		return io.EOF
	}
	if z.b[z.i] != '<' {
		return z.text(t)
	}
	z.i++
	if z.i >= len(z.b) {
		return errFallback
	}
	switch z.b[z.i] {
	case '/':
		z.i++
		raw, local, err := z.name()
		if err != nil {
			return err
		}
		z.space()
		if z.i >= len(z.b) || z.b[z.i] != '>' {
			return errFallback
		}
		z.i++
		if n := len(z.stack); n == 0 || !bytes.Equal(z.stack[n-1], raw) {
			return errFallback
		}
		z.stack = z.stack[:len(z.stack)-1]
		*t = xmlToken{kind: tokEnd, local: local}
		return nil
	case '?', '!':
		return errFallback // processing instructions, comments, CDATA, DOCTYPE
	}
	raw, local, err := z.name()
	if err != nil {
		return err
	}
	z.attrs = z.attrs[:0]
	z.scratch = z.scratch[:0]
	empty := false
	for {
		z.space()
		if z.i >= len(z.b) {
			return errFallback
		}
		c := z.b[z.i]
		if c == '/' {
			if z.i+1 >= len(z.b) || z.b[z.i+1] != '>' {
				return errFallback
			}
			z.i += 2
			empty = true
			break
		}
		if c == '>' {
			z.i++
			break
		}
		_, alocal, err := z.name()
		if err != nil {
			return err
		}
		z.space()
		if z.i >= len(z.b) || z.b[z.i] != '=' {
			return errFallback
		}
		z.i++
		z.space()
		if z.i >= len(z.b) || z.b[z.i] != '"' && z.b[z.i] != '\'' {
			return errFallback
		}
		q := z.b[z.i]
		z.i++
		// One pass finds the closing quote and notes what needs decoding.
		start, special := z.i, false
		for ; z.i < len(z.b) && z.b[z.i] != q; z.i++ {
			switch z.b[z.i] {
			case '<':
				return errFallback
			case '&', '\r':
				special = true
			}
		}
		if z.i >= len(z.b) {
			return errFallback
		}
		v := z.b[start:z.i:z.i]
		z.i++
		if special {
			// Decode into scratch; earlier attribute values stay valid
			// because scratch only grows while this tag is read.
			n := len(z.scratch)
			var ok bool
			if z.scratch, ok = decodeText(z.scratch, v); !ok {
				return errFallback
			}
			v = z.scratch[n:len(z.scratch):len(z.scratch)]
		}
		z.attrs = append(z.attrs, xmlAttr{local: alocal, value: v})
	}
	if empty {
		z.closing = raw
	} else {
		z.stack = append(z.stack, raw)
	}
	*t = xmlToken{kind: tokStart, local: local, attrs: z.attrs}
	return nil
}

// localOf splits a raw name as fastTokenizer.name does.
func localOf(raw []byte) []byte {
	if i := bytes.IndexByte(raw, ':'); i > 0 && i < len(raw)-1 {
		return raw[i+1:]
	}
	return raw
}

func (z *fastTokenizer) text(t *xmlToken) error {
	end := bytes.IndexByte(z.b[z.i:], '<')
	if end < 0 {
		end = len(z.b) - z.i
	}
	raw := z.b[z.i : z.i+end]
	z.i += end
	if bytes.Contains(raw, []byte("]]>")) {
		return errFallback
	}
	if bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, '\r') >= 0 {
		var ok bool
		if z.scratch, ok = decodeText(z.scratch[:0], raw); !ok {
			return errFallback
		}
		raw = z.scratch
	}
	*t = xmlToken{kind: tokText, text: raw}
	return nil
}

// decodeText appends raw with character references replaced and line ends
// normalised to "\n", as encoding/xml does; ok is false for anything it
// leaves to encoding/xml (unknown entities, references to characters XML
// forbids).
func decodeText(dst, raw []byte) ([]byte, bool) {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch c {
		case '\r':
			dst = append(dst, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '&':
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return dst, false
			}
			ent := raw[i+1 : i+semi]
			i += semi
			switch string(ent) {
			case "lt":
				dst = append(dst, '<')
			case "gt":
				dst = append(dst, '>')
			case "amp":
				dst = append(dst, '&')
			case "apos":
				dst = append(dst, '\'')
			case "quot":
				dst = append(dst, '"')
			default:
				r, ok := charRef(ent)
				if !ok {
					return dst, false
				}
				dst = utf8.AppendRune(dst, r)
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst, true
}

// charRef reads "#65" or "#x41"; it declines leading signs, overlong
// forms and characters XML forbids.
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' || len(ent) > 10 {
		return 0, false
	}
	digits, base := ent[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	for _, c := range digits {
		if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil {
		return 0, false
	}
	r := rune(n)
	if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		return 0, false
	}
	return r, true
}
