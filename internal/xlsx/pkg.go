package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
	"unicode/utf16"

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
	order  []string             // sheet names in workbook order
	hidden map[string]bool      // sheets whose state is not visible
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
		Name  string `xml:"name,attr"`
		RID   string `xml:"id,attr"` // r:id; the namespace differs in Strict OOXML
		State string `xml:"state,attr"`
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
	pkg := &opcPackage{files: map[string]*zip.File{}, sheets: map[string]string{}, hidden: map[string]bool{}}
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
		// As excelize's GetSheetList and GetSheetVisible: every sheet the
		// workbook lists, visible unless its state says otherwise.
		pkg.order = append(pkg.order, s.Name)
		if s.State != "" && s.State != "visible" {
			pkg.hidden[s.Name] = true
		}
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

// UnzippedSize is the total decompressed size an .xlsx file declares for
// its parts, read from the zip directory alone (nothing is inflated), so a
// caller can budget memory before Read. Read enforces the declared sizes:
// archive/zip refuses to inflate a part beyond them.
func UnzippedSize(r io.ReaderAt, size int64) (int64, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && err != zip.ErrInsecurePath {
		return 0, err
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > 1<<62 {
			return 1 << 62, nil
		}
	}
	return int64(total), nil
}
