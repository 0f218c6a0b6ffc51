package site

import (
	"strings"
	"testing"

	"parindex/internal/chart"
)

func TestTableCSV(t *testing.T) {
	got := string(tableCSV(chart.Table{
		Caption: "ignored",
		Head:    []string{"Đơn vị", "Chỉ số (%)", "Thay đổi", "Hạng"},
		Rows: [][]string{
			{"Sở Tư pháp", "96,10", "+1,20", "5/20"},
			{"=HYPERLINK(\"http://x\")", "1.234,5", "−3", "—"},
			{"@SUM(A1)", "—", "-0,50", "1"},
			{"+1 đơn vị", "\tx", "-rồi", "Khá, Tốt"},
		},
	}))
	want := "\ufeff" +
		"Đơn vị,Chỉ số (%),Thay đổi,Hạng\r\n" +
		"Sở Tư pháp,96.10,1.20,5/20\r\n" +
		"\"'=HYPERLINK(\"\"http://x\"\")\",1234.5,-3,\r\n" +
		"'@SUM(A1),,-0.50,1\r\n" +
		"'+1 đơn vị,'\tx,'-rồi,\"Khá, Tốt\"\r\n"
	if got != want {
		t.Errorf("tableCSV:\n got %q\nwant %q", got, want)
	}
	if !strings.HasPrefix(got, "\xef\xbb\xbf") {
		t.Error("no UTF-8 byte-order mark")
	}
}
