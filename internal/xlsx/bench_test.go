package xlsx

import (
	"bytes"
	"fmt"
	"testing"
)

// benchBook is shaped like a district's scoring workbook: 30 sheets of a
// 60-row criteria table with texts, numbers and subtotal formulas.
func benchBook(tb testing.TB) []byte {
	var b WBook
	for s := 0; s < 30; s++ {
		ws := WSheet{Name: fmt.Sprintf("Xã số %d", s+1), Merges: []string{"A1:C1", "E1:G1", "A5:G5"}, FreezeRows: 7}
		ws.Cells = append(ws.Cells, WCell{Row: 1, Col: 1, Text: "UBND HUYỆN BẮC LỘC", Style: StyleTitle},
			WCell{Row: 5, Col: 1, Text: "PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", Style: StyleTitle})
		for r := 8; r < 68; r++ {
			ws.Cells = append(ws.Cells,
				WCell{Row: r, Col: 1, Text: fmt.Sprintf("%d.%d", r/5, r%5), Style: StyleCell},
				WCell{Row: r, Col: 2, Text: fmt.Sprintf("Tiêu chí thành phần số %d về cải cách hành chính", r), Style: StyleCell},
				WCell{Row: r, Col: 3, Num: Float(float64(r%4) + 0.5), Style: StyleNumber},
				WCell{Row: r, Col: 4, Num: Float(float64(r%3) + 0.25), Style: StyleNumber},
				WCell{Row: r, Col: 5, Text: fmt.Sprintf("Kế hoạch số %d/KH-UBND ngày 20/03/2024", r+s), Style: StyleCell},
				WCell{Row: r, Col: 6, Formula: fmt.Sprintf("SUM(F%d:F%d)", r+1, r+2), Num: Float(1.5), Style: StyleNumber},
				WCell{Row: r, Col: 7, Style: StyleCell})
		}
		b.Sheets = append(b.Sheets, ws)
	}
	return writeBytes(tb, b)
}

func BenchmarkRead(b *testing.B) {
	data := benchBook(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	var book WBook
	for s := 0; s < 30; s++ {
		ws := WSheet{Name: fmt.Sprintf("Xã số %d", s+1), Merges: []string{"A1:C1"}, FreezeRows: 7, ColWidths: map[int]float64{1: 7, 2: 60}}
		for r := 8; r < 68; r++ {
			ws.Cells = append(ws.Cells,
				WCell{Row: r, Col: 2, Text: fmt.Sprintf("Tiêu chí thành phần số %d", r), Style: StyleCell},
				WCell{Row: r, Col: 3, Num: Float(float64(r%4) + 0.5), Style: StyleNumber},
				WCell{Row: r, Col: 6, Formula: "SUM(F1:F2)", Num: Float(1.5), Style: StyleNumber})
		}
		book.Sheets = append(book.Sheets, ws)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, book); err != nil {
			b.Fatal(err)
		}
	}
}
