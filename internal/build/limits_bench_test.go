package build

import (
	"archive/zip"
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"parindex/internal/example"
	"parindex/internal/xlsx"
)

// BenchmarkLimitWorkbooks measures issue 10's size-limit case: three
// workbooks each just under the default limits (64 MiB file, 256 MiB
// decompressed) in a small project, checked with 1, 2 and 8 workers. It
// prints time and peak heap per worker count: with the memory budget
// (limits.workbook_memory, 512 MiB) the peak does not grow with the
// workers. PARINDEX_BENCH_DIR keeps the generated project between runs.
//
//	go test -run '^$' -bench LimitWorkbooks -benchtime 1x ./internal/build/
func BenchmarkLimitWorkbooks(b *testing.B) {
	dir := os.Getenv("PARINDEX_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "units.yaml")); err != nil {
		if err := example.Generate(dir, example.Options{Preset: "minimal"}); err != nil {
			b.Fatal(err)
		}
		lim := xlsx.DefaultLimits()
		for i := 1; i <= 3; i++ {
			p := filepath.Join(dir, "data", "scores", "2024", fmt.Sprintf("lon-%d.xlsx", i))
			if err := writeNearLimitBook(p, uint64(i), lim.MaxUnzipBytes-(1<<20), lim.MaxFileBytes); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, workers := range []int{1, 2, 8} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				runtime.GC()
				t0 := time.Now()
				rep, _ := Check(Options{Root: dir, Workers: workers})
				took := time.Since(t0)
				var peak uint64
				for _, s := range rep.Stages {
					peak = max(peak, s.PeakHeapBytes)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
				if i == b.N-1 {
					fmt.Printf("\nlimit workbooks, %d workers: %s, peak heap %.1f MiB, %d diagnostics\n",
						workers, took.Round(time.Millisecond), float64(peak)/(1<<20), rep.Diagnostics.Len())
				}
			}
		})
	}
}

// writeNearLimitBook writes an .xlsx whose parts decompress to just under
// unzipped bytes, and whose file stays under fileLimit: one sheet of text
// and number cells over a shared string table, as spreadsheet programs
// write them.
func writeNearLimitBook(path string, seed uint64, unzipped, fileLimit int64) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(bufio.NewWriterSize(f, 1<<20))
	put := func(name, s string) error {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write([]byte(s))
		return err
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ` + ns + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
	}
	var written int64
	for _, p := range parts {
		if err := put(p[0], p[1]); err != nil {
			return err
		}
		written += int64(len(p[1]))
	}
	r := rand.New(rand.NewPCG(seed, 7))
	words := strings.Fields("chỉ số cải cách hành chính sở ban ngành huyện xã kế hoạch thực hiện kiểm tra báo cáo thủ tục văn bản quy phạm pháp luật dịch vụ công trực tuyến hài lòng người dân doanh nghiệp tổ chức bộ máy công chức viên chức tài chính công hiện đại hóa nền hành chính")
	const nStrings = 60_000
	var sst strings.Builder
	fmt.Fprintf(&sst, `<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">`, ns, nStrings, nStrings)
	for i := 0; i < nStrings; i++ {
		sst.WriteString("<si><t>")
		for k := 0; k < 8; k++ {
			sst.WriteString(words[r.IntN(len(words))])
			sst.WriteByte(' ')
		}
		fmt.Fprintf(&sst, "%d</t></si>", i)
	}
	sst.WriteString("</sst>")
	if err := put("xl/sharedStrings.xml", sst.String()); err != nil {
		return err
	}
	written += int64(sst.Len())

	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	head := `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + ns + `><sheetData>`
	tail := `</sheetData></worksheet>`
	bw.WriteString(head)
	written += int64(len(head) + len(tail))
	lim := xlsx.DefaultLimits()
	var row strings.Builder
	for n := 1; n <= lim.MaxRows; n++ {
		row.Reset()
		fmt.Fprintf(&row, `<row r="%d">`, n)
		for c := 1; c <= 76; c++ {
			ref := xlsx.CellName(n, c)
			if c%3 == 0 {
				fmt.Fprintf(&row, `<c r="%s"><v>%d.%02d</v></c>`, ref, r.IntN(100), r.IntN(100))
			} else {
				fmt.Fprintf(&row, `<c r="%s" t="s"><v>%d</v></c>`, ref, r.IntN(nStrings))
			}
		}
		row.WriteString("</row>")
		if written+int64(row.Len()) > unzipped {
			break
		}
		bw.WriteString(row.String())
		written += int64(row.Len())
	}
	bw.WriteString(tail)
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() > fileLimit {
		return fmt.Errorf("%s: %d bytes, over the file limit", path, st.Size())
	}
	return nil
}
