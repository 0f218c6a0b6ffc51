package report

import "testing"

func TestPages(t *testing.T) {
	obj := func(n int, body string) string { return itoa(n) + " 0 obj\n<<" + body + ">>\nendobj\n" }
	tests := []struct {
		name  string
		pdf   string
		want  []PageSize
		wantE bool
	}{
		{"one A4 page", "%PDF-1.4\n" + obj(1, "/Type /Pages /Kids [2 0 R] /Count 1") + obj(2, "/Type /Page /Parent 1 0 R /MediaBox [0 0 594.95996 841.91998]"),
			[]PageSize{{594.95996, 841.91998}}, false},
		{"two pages, box inherited from the page tree", "%PDF-1.4\n" + obj(1, "/Type /Pages /MediaBox [0 0 595 842] /Count 2") +
			obj(2, "/Type/Page /Parent 1 0 R") + obj(3, "/Type /Page /Parent 1 0 R"),
			[]PageSize{{595, 842}, {595, 842}}, false},
		{"letter", "%PDF-1.4\n" + obj(2, "/Type /Page /MediaBox [0 0 612 792]"), []PageSize{{612, 792}}, false},
		{"no page", "%PDF-1.4\n" + obj(1, "/Type /Pages /Count 0"), nil, true},
		{"not a PDF", "<html>", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Pages([]byte(tt.pdf))
			if (err != nil) != tt.wantE {
				t.Fatalf("error %v, want error %v", err, tt.wantE)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("page %d: got %v, want %v", i+1, got[i], tt.want[i])
				}
			}
		})
	}
	if !(PageSize{594.96, 841.92}).A4() || (PageSize{612, 792}).A4() || (PageSize{841.92, 594.96}).A4() {
		t.Error("A4: wrong")
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
