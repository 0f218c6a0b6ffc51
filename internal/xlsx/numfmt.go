package xlsx

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
)

// A workbook stores a score at float precision (68.335212707519531) and
// shows it through the cell's number format ("0.00": 68.34); the digits of
// the stored value say nothing of the precision the publisher showed. Read
// therefore reports, for every numeric cell, how many decimals its format
// displays, when the format is a fixed-decimal one.

// NumFormat is what a numeric cell's number format shows: a fixed number
// of decimals, possibly as a percentage. The zero value means unknown:
// General, scientific, date, time, fraction or text formats, conditional
// sections, and cells that are not numbers. One byte, so that a sheet of
// numbers costs one byte per cell.
type NumFormat uint8

const (
	numFmtPercent  NumFormat = 0x80 // the format multiplies by 100 and shows "%"
	numFmtDecMask  NumFormat = 0x3f // decimals + 1; 0 for unknown
	maxFmtDecimals           = 30   // Excel's own limit on decimal places
)

// FixedFormat is the format showing decimals digits after the decimal
// point, as a percentage when percent is set.
func FixedFormat(decimals int, percent bool) NumFormat {
	f := NumFormat(min(max(decimals, 0), maxFmtDecimals) + 1)
	if percent {
		f |= numFmtPercent
	}
	return f
}

// Decimals is the number of decimals the format shows, and false when the
// format does not show a fixed number of them.
func (f NumFormat) Decimals() (int, bool) {
	if f&numFmtDecMask == 0 {
		return 0, false
	}
	return int(f&numFmtDecMask) - 1, true
}

// Percent reports a percentage format: the cell stores 0.855 for the
// 85.5 % it shows, so the stored fraction has two more decimals than shown.
func (f NumFormat) Percent() bool { return f&numFmtPercent != 0 }

// builtInFixed are the built-in number formats (ECMA-376 Part 1, 18.8.30)
// that show a fixed number of decimals, by id. The other built-ins are
// General, currency (their code depends on the locale), scientific,
// fractions, dates, times and text.
var builtInFixed = map[int]string{
	1:  "0",
	2:  "0.00",
	3:  "#,##0",
	4:  "#,##0.00",
	9:  "0%",
	10: "0.00%",
	37: "#,##0 ;(#,##0)",
	38: "#,##0 ;[Red](#,##0)",
	39: "#,##0.00;(#,##0.00)",
	40: "#,##0.00;[Red](#,##0.00)",
}

// formatOf classifies a number format code by its first section (the one
// for positive numbers): quoted literals, escaped characters, the
// characters after _ (a space as wide as them) and * (fill) and bracketed
// colours and locales are skipped; then a code with digit placeholders
// (0 # ?) and no letters (General, E+, dates, times, AM/PM) nor @ or /
// (text, fractions) is fixed, its decimals being the placeholders after
// the decimal point. A condition or an elapsed time in brackets, and
// thousands scaling (0.0,,), make it unknown: the stored value is not
// what the format shows.
func formatOf(code string) NumFormat {
	var (
		placeholders, decimals int
		point, percent         bool
		lastPlaceholder        = -1 // index of the last digit placeholder
		scaled                 bool
	)
scan:
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case ';':
			break scan // the end of the first section
		case '"':
			end := strings.IndexByte(code[i+1:], '"')
			if end < 0 {
				return 0
			}
			i += end + 1
		case '\\', '_', '*':
			i++ // the next character is a literal, a width or a fill
		case '[':
			end := strings.IndexByte(code[i+1:], ']')
			if end < 0 {
				return 0
			}
			if !bracketIsDecoration(code[i+1 : i+1+end]) {
				return 0
			}
			i += end + 1
		case '0', '#', '?':
			placeholders++
			lastPlaceholder = i
			if point {
				decimals++
			}
		case '.':
			point = true
		case '%':
			percent = true
		case ',':
			// A comma right after the last placeholder scales by 1000.
			if lastPlaceholder == i-1 && !nextPlaceholder(code[i+1:]) {
				scaled = true
			}
		case '@', '/':
			return 0
		default:
			if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' {
				return 0
			}
		}
	}
	if placeholders == 0 || scaled {
		return 0
	}
	return FixedFormat(decimals, percent)
}

// nextPlaceholder reports whether a digit placeholder follows in the
// section (so a comma before it is a thousands separator).
func nextPlaceholder(rest string) bool {
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '0', '#', '?':
			return true
		case ';':
			return false
		case '"':
			end := strings.IndexByte(rest[i+1:], '"')
			if end < 0 {
				return false
			}
			i += end + 1
		case '\\', '_', '*':
			i++
		}
	}
	return false
}

// bracketIsDecoration accepts the bracketed parts that change only the
// look of a number: colours ([Red], [Color10]) and currency or locale tags
// ([$-409], [$€-407]). Conditions ([>=100]) and elapsed times ([h], [mm])
// are not.
func bracketIsDecoration(b string) bool {
	if b == "" {
		return false
	}
	switch b[0] {
	case '$':
		return true
	case '<', '>', '=':
		return false
	}
	allTime := true
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case 'h', 'H', 'm', 'M', 's', 'S':
		default:
			allTime = false
		}
	}
	return !allTime
}

// cellFormats reads a styles part into the NumFormat of each cell style
// (the s attribute of a cell indexes it): the numFmtId of each xf of
// cellXfs, looked up in numFmts, where a format the file defines wins
// over the built-in of that id, as when excelize formats a value.
// checkStyles has already decoded the part when the workbook opened (a
// part it cannot decode fails the workbook), so the structure is known
// good; a part that does not scan gives no formats. Nil when no style has a
// fixed-decimal format.
func cellFormats(b []byte) []NumFormat {
	var tz tokenizer
	if z, err := newFastTokenizer(b); err == nil {
		tz = z
	} else {
		tz = newStdTokenizer(bytes.NewReader(b))
	}
	custom, xfs, err := scanStyles(tz)
	if err == errFallback {
		custom, xfs, err = scanStyles(newStdTokenizer(bytes.NewReader(b)))
	}
	if err != nil {
		return nil
	}
	out := make([]NumFormat, len(xfs))
	known := false
	for i, id := range xfs {
		out[i] = numFormatByID(id, custom)
		known = known || out[i] != 0
	}
	if !known {
		return nil
	}
	return out
}

// scanStyles collects styleSheet/numFmts/numFmt codes by id (the first
// definition counts, as in excelize) and the numFmtId of each
// styleSheet/cellXfs/xf (absent: 0, General). Excel 2016's
// x16r2:formatCode16 restates formatCode with characters older versions
// lack; formatCode, which the schema requires, is enough to count
// decimals.
func scanStyles(tz tokenizer) (custom map[int]string, xfs []int, err error) {
	custom = map[int]string{}
	var t xmlToken
	depth, parent := 0, ""
	for {
		if err := tz.next(&t); err == io.EOF {
			return custom, xfs, nil
		} else if err != nil {
			return nil, nil, err
		}
		switch t.kind {
		case tokStart:
			depth++
			switch {
			case depth == 2:
				parent = string(t.local)
			case depth == 3 && parent == "cellXfs" && string(t.local) == "xf":
				id, _ := attrInt(&t, "numFmtId")
				xfs = append(xfs, id)
			case depth == 3 && parent == "numFmts" && string(t.local) == "numFmt":
				id, ok := attrInt(&t, "numFmtId")
				if _, dup := custom[id]; !ok || dup {
					break
				}
				code, _ := t.attr("formatCode")
				custom[id] = string(code)
			}
		case tokEnd:
			if depth == 2 {
				parent = ""
			}
			depth--
		}
	}
}

// attrInt reads an integer attribute as encoding/xml does for an int
// field: surrounding space ignored, empty as 0.
func attrInt(t *xmlToken, name string) (int, bool) {
	v, ok := t.attr(name)
	if !ok {
		return 0, false
	}
	s := strings.TrimSpace(string(v))
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// numFormatByID classifies number format id, defined in the file (custom)
// or built in.
func numFormatByID(id int, custom map[int]string) NumFormat {
	if code, ok := custom[id]; ok {
		return formatOf(code)
	}
	if code, ok := builtInFixed[id]; ok {
		return formatOf(code)
	}
	return 0
}

// xmlStyles is the part of excelize's xlsxStyleSheet whose decoding can
// fail on the attributes Read relies on: the root element and namespace,
// and the integer attributes of number formats and cell formats.
type xmlStyles struct {
	XMLName xml.Name `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main styleSheet"`
	NumFmts *struct {
		Count  int `xml:"count,attr"`
		NumFmt []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"numFmt"`
	} `xml:"numFmts"`
	CellStyleXfs *xmlXfs `xml:"cellStyleXfs"`
	CellXfs      *xmlXfs `xml:"cellXfs"`
}

type xmlXfs struct {
	Count int `xml:"count,attr"`
	Xf    []struct {
		NumFmtID *int `xml:"numFmtId,attr"`
		FontID   *int `xml:"fontId,attr"`
		FillID   *int `xml:"fillId,attr"`
		BorderID *int `xml:"borderId,attr"`
		XfID     *int `xml:"xfId,attr"`
	} `xml:"xf"`
}

// checkStyles fails a styles part that excelize could not decode, with
// its message: the workbook's number formats would be unknown, and
// decimals must not be guessed. (excelize.OpenReader decoded it, and the
// theme, on every open; Read now decodes only what it relies on.) An
// empty part is no styles at all.
func checkStyles(b []byte) error {
	if bytes.Contains(b, []byte(nsMainStrict)) {
		b = bytes.ReplaceAll(b, []byte(nsMainStrict), []byte(nsMain))
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.CharsetReader = charset.NewReaderLabel
	var st xmlStyles
	if err := dec.Decode(&st); err != nil && err != io.EOF {
		return err
	}
	return nil
}
