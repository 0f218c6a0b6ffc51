package xlsx

import (
	"bytes"
	"encoding/xml"
	"io"
)

// Namespaces of SpreadsheetML; excelize reads Strict OOXML by rewriting the
// strict namespace to the transitional one.
const (
	nsMain       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsMainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

// readSST reads a shared string table the way excelize's in-memory reader
// does: the items of the root <sst> element (which must be in the
// SpreadsheetML namespace), each flattened by richText. An empty part is
// an empty table.
func readSST(b []byte) ([]string, error) {
	if out, err := fastSST(b); err != errFallback {
		return out, err
	}
	return stdSST(bytes.NewReader(b))
}

// fastSST handles the usual `<sst xmlns="…main">` root declared in place;
// other roots go to stdSST, which checks them as excelize does.
func fastSST(b []byte) ([]string, error) {
	z, err := newFastTokenizer(b)
	if err != nil {
		return nil, err
	}
	rest := bytes.TrimLeft(b[z.i:], " \t\r\n")
	if !bytes.HasPrefix(rest, []byte(`<sst xmlns="`+nsMain+`"`)) && !bytes.HasPrefix(rest, []byte(`<sst xmlns="`+nsMainStrict+`"`)) {
		return nil, errFallback
	}
	return scanSST(z)
}

// scanSST collects the items of the first element tz yields and stops at
// its end, as encoding/xml's Decode does.
func scanSST(tz tokenizer) ([]string, error) {
	var (
		t     xmlToken
		out   []string
		depth int
		rt    richText
		inSI  bool
	)
	for {
		err := tz.next(&t)
		if err == io.EOF {
			if depth > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokStart:
			depth++
			switch {
			case depth == 2 && string(t.local) == "si":
				inSI = true
				rt.reset()
				rt.base = depth
			case inSI:
				rt.start(depth, t.local)
			}
		case tokText:
			if inSI {
				rt.text(depth, t.text)
			}
		case tokEnd:
			switch {
			case inSI && depth == 2:
				inSI = false
				out = append(out, rt.String())
			case inSI:
				rt.end(depth)
			}
			depth--
			if depth == 0 {
				return out, nil
			}
		}
	}
}

// The reference reader: encoding/xml decoding into the shape of excelize's
// own structs (only the fields that carry text).
type stdSSTDoc struct {
	XMLName xml.Name   `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main sst"`
	SI      []stdSSTSI `xml:"si"`
}

type stdSSTSI struct {
	T *stdSSTT  `xml:"t"`
	R []stdSSTR `xml:"r"`
}

type stdSSTR struct {
	T *stdSSTT `xml:"t"`
}

type stdSSTT struct {
	Val string `xml:",chardata"`
}

func stdSST(r io.Reader) ([]string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	b = bytes.ReplaceAll(b, []byte(nsMainStrict), []byte(nsMain))
	var doc stdSSTDoc
	tz := newStdTokenizer(bytes.NewReader(b))
	if err := tz.dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, err
	}
	if len(doc.SI) == 0 {
		return nil, nil
	}
	out := make([]string, len(doc.SI))
	for i, si := range doc.SI {
		var s []byte
		if si.T != nil {
			s = append(s, si.T.Val...)
		}
		for _, r := range si.R {
			if r.T != nil {
				s = append(s, r.T.Val...)
			}
		}
		out[i] = bstrUnmarshal(s)
	}
	return out, nil
}
