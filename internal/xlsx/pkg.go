package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"
)

// oleMagic starts every OLE compound file: old .xls, and also encrypted
// .xlsx, which Office wraps in an OLE container.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// Stream names an encrypted OOXML package has in its OLE directory.
var encryptedStreams = [][]byte{utf16LE("EncryptedPackage"), utf16LE("EncryptionInfo")}

// sniff recognises the usual wrong files by their first bytes, before any
// zip parsing, so the user gets a message naming the likely cause.
func sniff(data []byte) *Error {
	notXLSX := func(why string) *Error {
		return newErr(ErrNotXLSX, "", "", "not an .xlsx workbook (%s)", why)
	}
	switch {
	case len(data) == 0:
		return notXLSX("empty file")
	case bytes.HasPrefix(data, oleMagic):
		for _, s := range encryptedStreams {
			if bytes.Contains(data, s) {
				return newErr(ErrEncrypted, "", "", "workbook is encrypted (password-protected): save a copy without a password")
			}
		}
		return notXLSX("old .xls format?")
	case bytes.HasPrefix(data, []byte("%PDF")):
		return notXLSX("PDF file?")
	case bytes.HasPrefix(data, []byte("PK")):
		return nil
	}
	head := strings.ToLower(strings.TrimLeft(string(data[:min(len(data), 512)]), "\ufeff \t\r\n"))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.HasPrefix(head, "<table") {
		// Web portals often export HTML tables under a spreadsheet name.
		return notXLSX("HTML file?")
	}
	return notXLSX("not a zip archive")
}

// opcPackage is the little of the package structure Read needs itself: the
// parts, and which part holds which sheet.
type opcPackage struct {
	files  map[string]*zip.File // by part name, as excelize names them
	sheets map[string]string    // sheet name -> part name
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"id,attr"` // r:id; the namespace differs in Strict OOXML
	} `xml:"sheets>sheet"`
}

// openPackage checks the zip before excelize sees it: a corrupt archive,
// declared sizes over the limit (archive/zip then refuses to inflate more
// than declared, so the sum is a real bound), and zips that are not
// workbooks at all.
func openPackage(data []byte, lim Limits) (*opcPackage, *Error) {
	notXLSX := func(why string) *Error {
		return newErr(ErrNotXLSX, "", "", "not an .xlsx workbook (%s)", why)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	// ErrInsecurePath comes with a usable reader; names are only map keys here.
	if err != nil && err != zip.ErrInsecurePath {
		return nil, notXLSX("corrupt or truncated zip archive")
	}
	tooBig := newErr(ErrUnzipTooLarge, "", "", "workbook decompresses to over %s (zip bomb?)", sizeText(lim.MaxUnzipBytes))
	pkg := &opcPackage{files: map[string]*zip.File{}, sheets: map[string]string{}}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > uint64(lim.MaxUnzipBytes) || total > uint64(lim.MaxUnzipBytes) {
			return nil, tooBig
		}
		pkg.files[strings.ReplaceAll(zf.Name, "\\", "/")] = zf
	}

	var rootRels xmlRels
	if err := decodePart(pkg.files["_rels/.rels"], &rootRels); err != nil {
		if mt := pkg.files["mimetype"]; mt != nil {
			return nil, notXLSX("OpenDocument spreadsheet?")
		}
		return nil, notXLSX("zip archive without a workbook")
	}
	wbPath := ""
	for _, rel := range rootRels.Rels {
		if strings.HasSuffix(rel.Type, "/officeDocument") {
			wbPath = strings.TrimPrefix(rel.Target, "/")
			break
		}
	}
	switch {
	case strings.HasSuffix(strings.ToLower(wbPath), ".bin"):
		return nil, notXLSX("binary .xlsb workbook?")
	case wbPath == "" || pkg.files[wbPath] == nil:
		return nil, notXLSX("zip archive without a workbook")
	}
	var wb xmlWorkbook
	if err := decodePart(pkg.files[wbPath], &wb); err != nil {
		return nil, newErr(ErrCorrupt, "", "", "malformed workbook XML: %v", err)
	}
	// Mirrors excelize's getWorkbookRelsPath and getWorksheetPath, so both
	// agree on which part is which sheet.
	wbDir := path.Dir(wbPath)
	relsPath := strings.TrimPrefix(wbDir+"/_rels/"+path.Base(wbPath)+".rels", "./")
	var wbRels xmlRels
	if err := decodePart(pkg.files[relsPath], &wbRels); err != nil {
		return nil, newErr(ErrCorrupt, "", "", "malformed workbook relationships: %v", err)
	}
	for _, s := range wb.Sheets {
		for _, rel := range wbRels.Rels {
			if rel.ID != s.RID {
				continue
			}
			p := strings.TrimPrefix(path.Clean(wbDir+"/"+rel.Target), "/")
			if strings.HasPrefix(rel.Target, "/") {
				p = strings.TrimPrefix(path.Clean(rel.Target), "/")
			}
			pkg.sheets[s.Name] = p
		}
	}
	return pkg, nil
}

// decodePart unmarshals a small package part (relationships, workbook).
func decodePart(zf *zip.File, v any) error {
	if zf == nil {
		return io.ErrUnexpectedEOF
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.CharsetReader = charset.NewReaderLabel
	return dec.Decode(v)
}

// sheetScan is what excelize's row iterator does not expose.
type sheetScan struct {
	formulas map[[2]int]bool
	merges   []string
	fixes    map[[2]int][2]string // {row, col} -> {raw text, corrected text}
}

// scanSheet streams a worksheet part once for merges, formula cells and
// the few raw values worth correcting (booleans, float noise). Row and
// column numbering follows excelize's iterator: an r attribute wins,
// otherwise the previous number plus one.
func scanSheet(zf *zip.File, lim Limits) (sheetScan, error) {
	sc := sheetScan{formulas: map[[2]int]bool{}, fixes: map[[2]int][2]string{}}
	rc, err := zf.Open()
	if err != nil {
		return sc, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	dec.CharsetReader = charset.NewReaderLabel
	var (
		inData, inCell, inV, hasF bool
		row, col                  int
		typ                       string
		v                         []byte
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sc, nil
		}
		if err != nil {
			return sc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sheetData":
				inData = true
			case "row":
				if !inData {
					break
				}
				row++
				if n, err := strconv.Atoi(attr(t, "r")); err == nil && n > 0 {
					row = n
				}
				col = 0
				if row > max(lim.MaxRows, excelMaxRows) {
					return sc, nil // Read already enforced the limit on values
				}
			case "c":
				if !inData {
					break
				}
				inCell, hasF, typ, v = true, false, attr(t, "t"), v[:0]
				col++
				if ref := attr(t, "r"); ref != "" {
					if c, _, err := excelize.CellNameToCoordinates(ref); err == nil {
						col = c
					}
				}
			case "f":
				hasF = hasF || inCell
			case "v":
				inV = inCell
			case "mergeCell":
				sc.merges = append(sc.merges, attr(t, "ref"))
			}
		case xml.CharData:
			if inV && len(v) < 64 { // numbers and booleans are short
				v = append(v, t...)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				inData = false
			case "v":
				inV = false
			case "c":
				if inCell && row <= lim.MaxRows && col <= lim.MaxCols {
					sc.note(row, col, typ, hasF, string(v))
				}
				inCell, inV = false, false
			}
		}
	}
}

func (sc *sheetScan) note(row, col int, typ string, hasF bool, v string) {
	pos := [2]int{row, col}
	if hasF {
		sc.formulas[pos] = true
	}
	switch typ {
	case "b": // the raw iterator gives "1"/"0"
		switch v {
		case "1":
			sc.fixes[pos] = [2]string{v, "TRUE"}
		case "0":
			sc.fixes[pos] = [2]string{v, "FALSE"}
		}
	case "", "n":
		if s, ok := roundExcel(v); ok {
			sc.fixes[pos] = [2]string{v, s}
		}
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
