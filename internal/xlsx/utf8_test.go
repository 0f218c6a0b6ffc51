package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"testing"
)

// rewriteParts replaces old with new in every part of a workbook.
func rewriteParts(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(bytes.ReplaceAll(b, []byte(old), []byte(new)))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Issue 10, "Text is valid": bytes that are not UTF-8 in a cell's text,
// shared or inline, are an error naming the sheet and cell.
func TestInvalidUTF8Cell(t *testing.T) {
	for _, tc := range []struct {
		name   string
		inline bool
	}{{"shared string", false}, {"inline string", true}} {
		t.Run(tc.name, func(t *testing.T) {
			b := WBook{Sheets: []WSheet{
				{Name: "Tốt", Cells: []WCell{{Row: 1, Col: 1, Text: "ổn"}}},
				{Name: "Hỏng", Cells: []WCell{{Row: 1, Col: 1, Text: "ổn"}, {Row: 3, Col: 2, Text: "MARKERX"}, {Row: 4, Col: 2, Text: "MARKERX"}}},
			}}
			data := writeBytes(t, b)
			if tc.inline {
				// The writer shares strings; make them inline again.
				before := data
				data = rewriteParts(t, data, `t="s"><v>1</v>`, `t="inlineStr"><is><t>MARKERX</t></is>`)
				if bytes.Equal(unzipAll(t, before), unzipAll(t, data)) {
					t.Fatal("no shared string cell was made inline")
				}
			}
			data = rewriteParts(t, data, "MARKERX", "Ph\xf2ng \xff")
			_, err := Read(bytes.NewReader(data), Limits{})
			var xe *Error
			if !errors.As(err, &xe) || !errors.Is(err, ErrInvalidText) {
				t.Fatalf("Read: %v, want ErrInvalidText", err)
			}
			if xe.Sheet != "Hỏng" || xe.Cell != "B3" {
				t.Errorf("located at %s!%s, want Hỏng!B3", xe.Sheet, xe.Cell)
			}
			if want := "Hỏng!B3: " + invalidTextMsg; err.Error() != want {
				t.Errorf("message:\n got %s\nwant %s", err, want)
			}
		})
	}
}

// A part that declares another encoding is decoded, not refused.
func TestDeclaredEncodingNotRefused(t *testing.T) {
	if _, bad := fixUTF8([]byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>caf\xe9</a>")); bad {
		t.Error("a windows-1252 part was treated as damaged UTF-8")
	}
	if _, bad := fixUTF8([]byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>caf\xe9</a>")); !bad {
		t.Error("a damaged UTF-8 part was not noticed")
	}
}

func unzipAll(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out = append(out, b...)
	}
	return out
}
