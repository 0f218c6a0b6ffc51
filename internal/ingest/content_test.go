package ingest

import (
	"reflect"
	"testing"
	"testing/fstest"

	"parindex/internal/par"
)

const decisionMD = "---\n" +
	"number: 1007/QĐ-UBND\n" +
	"date: 2024-02-20\n" +
	"issuer: Ủy ban nhân dân tỉnh Hòa Lâm\n" +
	"signer: Nguyễn Văn A\n" +
	"signer_title: Phó Chủ tịch\n" +
	"year: 2023\n" +
	"groups: [so, huyen]\n" +
	"title: Phê duyệt và công bố Chỉ số CCHC năm 2023\n" +
	"attachments:\n" +
	"  - {title: Quyết định đã ký (PDF), file: files/2023/qd-1007.pdf}\n" +
	"  - {title: Phụ lục, file: files/2023/phu-luc.xlsx}\n" +
	"---\n" +
	"**Điều 1.** Phê duyệt và công bố …\n"

func contentFS() fstest.MapFS {
	fsys := baseFS()
	add := func(p, s string) { fsys[p] = &fstest.MapFile{Data: []byte(s)} }
	add("content/index.md", "---\ntitle: Trang chủ\n---\nXin chào\n")
	add("content/decisions/qd-1007-2024.md", decisionMD)
	add("content/years/2023.md", "Năm 2023 không có front matter.\n")
	add("content/years/2023/so.md", "---\r\ntitle: Khối sở\r\nlang: vi\r\n---\r\nNội dung\r\n")
	add("content/units/so-noi-vu.md", "---\ntitle: "+nfd("Sở Nội vụ")+"\n---\n"+nfd("Đơn vị chủ trì")+"\n")
	add("content/units/so-noi-vu/2023.md", "---\nlang: en\n---\nIn 2023\n")
	add("content/pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n")
	add("content/files/2023/qd-1007.pdf", "%PDF")
	add("content/files/2023/phu-luc.xlsx", "PK")
	add("content/files/.DS_Store", "x")
	return fsys
}

// Rule: documents take their kind from their path; front matter is
// decoded, the body kept as markdown (NFC) with its first line.
func TestContentDocs(t *testing.T) {
	ds, diags := load(t, contentFS())
	wantDiags(t, diags)
	type brief struct {
		Kind        par.DocKind
		Path, Slug  string
		Lang, Title string
		Year        int
		Group, Unit string
		BodyLine    int
		Body        string
	}
	var got []brief
	for _, d := range ds.Docs {
		got = append(got, brief{d.Kind, d.Path, d.Slug, d.Lang, d.Title, d.Year, d.Group, d.Unit, d.BodyLine, string(d.Body)})
	}
	want := []brief{
		{par.DocDecision, "content/decisions/qd-1007-2024.md", "qd-1007-2024", "vi", "Phê duyệt và công bố Chỉ số CCHC năm 2023", 2023, "", "", 14, "**Điều 1.** Phê duyệt và công bố …\n"},
		{par.DocSite, "content/index.md", "index", "vi", "Trang chủ", 0, "", "", 4, "Xin chào\n"},
		{par.DocPage, "content/pages/gioi-thieu.md", "gioi-thieu", "vi", "Giới thiệu", 0, "", "", 4, ""},
		{par.DocUnit, "content/units/so-noi-vu.md", "so-noi-vu", "vi", "Sở Nội vụ", 0, "", "so-noi-vu", 4, "Đơn vị chủ trì\n"},
		{par.DocUnitYear, "content/units/so-noi-vu/2023.md", "2023", "en", "", 2023, "", "so-noi-vu", 4, "In 2023\n"},
		{par.DocYear, "content/years/2023.md", "2023", "vi", "", 2023, "", "", 1, "Năm 2023 không có front matter.\n"},
		{par.DocGroupYear, "content/years/2023/so.md", "so", "vi", "Khối sở", 2023, "so", "", 5, "Nội dung\r\n"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("docs:\ngot  %+v\nwant %+v", got, want)
	}
	d := ds.Docs[0]
	if d.Number != "1007/QĐ-UBND" || d.Date != (par.Date{Year: 2024, Month: 2, Day: 20}) || d.Signer != "Nguyễn Văn A" ||
		d.SignerTitle != "Phó Chủ tịch" || d.Issuer != "Ủy ban nhân dân tỉnh Hòa Lâm" || !reflect.DeepEqual(d.Groups, []string{"so", "huyen"}) ||
		d.Src.String() != "content/decisions/qd-1007-2024.md:1" {
		t.Errorf("decision: %+v", d)
	}
	if !reflect.DeepEqual(d.Attachments, []par.Attachment{{Title: "Quyết định đã ký (PDF)", File: "files/2023/qd-1007.pdf"}, {Title: "Phụ lục", File: "files/2023/phu-luc.xlsx"}}) {
		t.Errorf("attachments: %+v", d.Attachments)
	}
	if !reflect.DeepEqual(ds.Assets, []string{"files/2023/phu-luc.xlsx", "files/2023/qd-1007.pdf"}) {
		t.Errorf("assets: %v", ds.Assets)
	}
}

// Rule: content problems are errors at their line: unknown keys, bad
// dates, unknown groups and units, missing attachments, year directories
// that are not numbers, unclosed front matter.
func TestContentMalformed(t *testing.T) {
	fsys := contentFS()
	add := func(p, s string) { fsys[p] = &fstest.MapFile{Data: []byte(s)} }
	add("content/decisions/bad.md", "---\n"+
		"number: 12/QĐ-UBND\n"+
		"date: 2024-13-01\n"+
		"year: 2023\n"+
		"title: Sai\n"+
		"groups: [so, tw]\n"+
		"signer: A\n"+
		"singer_title: B\n"+
		"attachments:\n"+
		"  - {title: Thiếu, file: files/2023/khong-co.pdf}\n"+
		"  - {title: Ngoài, file: ../data/units.yaml}\n"+
		"  - {title: Chỗ khác, file: decisions/qd.md}\n"+
		"---\n")
	add("content/decisions/thieu.md", "---\ntitle: Thiếu số\n---\n")
	add("content/decisions/mo.md", "---\ntitle: Không đóng\n")
	add("content/years/nam-nay.md", "x")
	add("content/years/2023/tw.md", "x")
	add("content/units/so-khong-co.md", "x")
	add("content/pages/a.md", "---\ntitle: [\n---\n")
	add("content/lac.md", "x")
	add("content/ghi-chu.txt", "x")
	_, diags := load(t, fsys)
	wantDiags(t, diags,
		"content/decisions/bad.md:3: error: invalid date \"2024-13-01\" (want yyyy-mm-dd or dd/mm/yyyy)",
		"content/decisions/bad.md:6: error: unknown group \"tw\" (groups: so, huyen, xa)",
		"content/decisions/bad.md:8: error: unknown key \"singer_title\" in decision front matter (did you mean \"signer_title\"?)",
		"content/decisions/bad.md:10: error: attachment \"files/2023/khong-co.pdf\" not found under content/",
		"content/decisions/bad.md:11: error: attachment \"../data/units.yaml\" must be a path inside content/, such as files/2023/qd.pdf",
		"content/decisions/bad.md:12: error: attachment \"decisions/qd.md\" is not under content/files/ (only those files are published)",
		"content/decisions/mo.md:1: error: front matter is not closed by a \"---\" line",
		"content/decisions/thieu.md:2: error: missing key \"date\" in decision front matter",
		"content/decisions/thieu.md:2: error: missing key \"number\" in decision front matter",
		"content/decisions/thieu.md:2: error: missing key \"year\" in decision front matter",
		"content/ghi-chu.txt: warning: not a markdown document and not under content/files/; ignored",
		"content/lac.md:1: warning: not a known place for a document (see FORMATS.md, \"content/\"); ignored",
		"content/pages/a.md:3: error: invalid YAML: did not find expected node content",
		"content/units/so-khong-co.md:1: warning: narrative for unit \"so-khong-co\", which is not in data/units.yaml; it is not shown",
		"content/years/2023/tw.md:1: warning: narrative for group \"tw\", which is not in data/units.yaml (groups: so, huyen, xa); it is not shown",
		"content/years/nam-nay.md:1: error: year \"nam-nay\" is not a year number",
	)
}
