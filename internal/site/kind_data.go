package site

import (
	"encoding/json"
	"html/template"
	"path"
	"strconv"
	"strings"

	"parindex/internal/baseurl"
	"parindex/internal/par"
)

// dataKind: "/du-lieu/", the open data: every file of the dataset with
// its size and SHA-256 (made before it renders by the first of the two
// languages' pages rendered, see filer), the source workbooks with
// theirs, the licence and a suggested citation, and a schema.org Dataset
// description (JSON-LD).
func dataKind() pageKind {
	return pageKind{Template: "data", Pattern: "/du-lieu/", pages: func(m *model) []Page {
		if len(m.res.Rankings) == 0 {
			return nil
		}
		return []Page{{URL: urlData, Title: m.lang.T("Dữ liệu mở"), AllResults: true,
			view: func() (any, error) { return &dataPage{m: m}, nil }}}
	}}
}

// dictionaryKind: "/du-lieu/tu-dien/", what every column and field of
// the data files means.
func dictionaryKind() pageKind {
	return pageKind{Template: "data-dictionary", Pattern: "/du-lieu/tu-dien/", pages: func(m *model) []Page {
		if len(m.res.Rankings) == 0 {
			return nil
		}
		return []Page{{URL: urlDataDictionary, Title: m.lang.T("Từ điển dữ liệu"), view: viewOf(dictionary(m.lang))}}
	}}
}

// dataPage is what templates/data.html shows.
type dataPage struct {
	meta
	m *model

	Rankings   []dataRanking
	Units      []dataFile
	Other      []dataFile // README, schemas
	Zip        dataFile
	License    string
	LicenseURL string
	Citation   string
	ReadmeURL  sharedURL
	Total      string // size of all files but the zip
	LD         template.HTML
}

// dataRanking is a ranking's three files.
type dataRanking struct {
	Year            int
	Group           *par.Group
	Page            string
	CSV, XLSX, JSON dataFile
}

// publish makes and writes every file of the dataset (the data files are
// the same whichever language's model makes them: Vietnamese names and
// text).
func (p *dataPage) publish(base baseurl.Base, write func(string, []byte) error) ([]dataFile, error) {
	return p.m.publishData(dataLinks{base: base}, write)
}

// listFiles fills the page's lists from the files publish made, which it
// leaves as they are (both languages' pages read them).
func (p *dataPage) listFiles(base baseurl.Base, files []dataFile) {
	m := p.m
	l := dataLinks{base: base}
	p.ReadmeURL = urlDataReadme
	byURL := map[sharedURL]dataFile{}
	var total int64
	for _, f := range files {
		byURL[f.URL] = f
		switch {
		case f.Format == "ZIP":
			p.Zip = f
			continue
		case strings.HasPrefix(string(f.URL), urlData+"don-vi/"):
			p.Units = append(p.Units, f)
		case strings.HasPrefix(string(f.URL), urlDataSchema), f.URL == urlDataReadme:
			f.Title = m.lang.T(f.Title)
			p.Other = append(p.Other, f)
		}
		total += f.Size
	}
	p.Total = m.lang.size(total)
	// The files are named in Vietnamese; the page names each unit in its
	// own language.
	units := map[sharedURL]*par.Unit{}
	for _, u := range m.reg.Units {
		units[unitDataURL(u.ID)] = u
	}
	for i, f := range p.Units {
		if u := units[f.URL]; u != nil {
			p.Units[i].Title = m.lang.nameOf(u)
		}
	}
	for _, rk := range m.res.Rankings {
		g := rk.Group.ID
		p.Rankings = append(p.Rankings, dataRanking{Year: rk.Year, Group: rk.Group, Page: rankingURL(rk.Year, g),
			CSV: byURL[rankingDataURL(rk.Year, g, "csv")], XLSX: byURL[rankingDataURL(rk.Year, g, "xlsx")], JSON: byURL[rankingDataURL(rk.Year, g, "json")]})
	}
	s := m.ds.Site
	p.License, p.LicenseURL, p.Citation = s.DataLicense, s.DataLicenseURL, m.citation(l, m.lang)
	p.LD = datasetLD(l, s, m.res.Years, "", "", files)
}

// sources fills the list of source workbooks from the render's input.
func (p *dataPage) sourceList(pv *provenance) []SourceFile {
	var out []SourceFile
	for _, f := range SourceFiles(p.m.res) {
		sf, ok := pv.sources[f]
		if !ok {
			sf = SourceFile{Path: f} // not published by this render
		}
		out = append(out, sf)
	}
	return out
}

// Files are the ranking's files in the order listed.
func (r dataRanking) Files() []dataFile { return []dataFile{r.CSV, r.XLSX, r.JSON} }

// ldDownload is a schema.org DataDownload.
type ldDownload struct {
	Type     string `json:"@type"`
	Name     string `json:"name"`
	URL      string `json:"contentUrl"`
	Format   string `json:"encodingFormat"`
	Size     string `json:"contentSize,omitempty"`
	Checksum string `json:"sha256,omitempty"`
}

type ldOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldDataset struct {
	Context      string       `json:"@context"`
	Type         string       `json:"@type"`
	Name         string       `json:"name"`
	Description  string       `json:"description"`
	URL          string       `json:"url"`
	Language     string       `json:"inLanguage"`
	License      string       `json:"license,omitempty"`
	Free         bool         `json:"isAccessibleForFree"`
	Creator      *ldOrg       `json:"creator,omitempty"`
	Publisher    *ldOrg       `json:"publisher,omitempty"`
	Spatial      string       `json:"spatialCoverage,omitempty"`
	Temporal     string       `json:"temporalCoverage,omitempty"`
	Distribution []ldDownload `json:"distribution"`
}

// datasetLD is the schema.org Dataset of the whole dataset (name == "")
// or of one ranking, as a JSON-LD data island. encoding/json escapes <,
// > and &, so the JSON cannot close its script element.
func datasetLD(l dataLinks, s par.Site, years []int, name, page string, files []dataFile) template.HTML {
	d := ldDataset{Context: "https://schema.org", Type: "Dataset", Language: "vi", Free: true, Spatial: s.Province,
		Distribution: []ldDownload{}}
	if name == "" {
		d.Name = titleOr(s.Title) + " — dữ liệu mở"
		d.Description = "Kết quả Chỉ số cải cách hành chính: bảng xếp hạng từng khối, từng năm (CSV, XLSX, JSON) và kết quả từng đơn vị theo từng tiêu chí (JSON), kèm nguồn của từng số liệu."
		d.URL = l.url(urlData)
	} else {
		d.Name = name
		d.Description = "Bảng xếp hạng " + name + " (CSV, XLSX, JSON), kèm nguồn của từng số liệu."
		d.URL = l.url(page)
	}
	if s.Sample {
		d.Description += " Dữ liệu minh họa, không phải kết quả chính thức."
	}
	if s.DataLicenseURL != "" {
		d.License = s.DataLicenseURL
	} else {
		d.License = s.DataLicense
	}
	if s.Publisher != "" {
		d.Creator = &ldOrg{Type: "Organization", Name: s.Publisher}
		d.Publisher = d.Creator
	}
	if len(years) > 0 {
		d.Temporal = strconv.Itoa(years[0]) + "/" + strconv.Itoa(years[len(years)-1])
	}
	for _, f := range files {
		dl := ldDownload{Type: "DataDownload", Name: f.Name, URL: l.url(string(f.URL)), Format: mimeType(f.Format), Checksum: f.SHA256}
		if f.Size > 0 {
			dl.Size = strconv.FormatInt(f.Size, 10) + " B"
		}
		d.Distribution = append(d.Distribution, dl)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return "" // plain values: cannot fail
	}
	return template.HTML(`<script type="application/ld+json">` + string(b) + `</script>`)
}

// dataFuncs are the template functions of the open data and the
// provenance: the "Tải dữ liệu" block of a ranking, unit or unit-year
// page, and the source workbooks of /du-lieu/.
func dataFuncs(base baseurl.Base, pv *provenance) template.FuncMap {
	l := dataLinks{base: base}
	return template.FuncMap{
		"downloads":   func(data any) template.HTML { return downloads(l, pv, data) },
		"dataSources": func(p *dataPage) []SourceFile { return p.sourceList(pv) },
		"publicName":  publicName,
		"sizeText":    pv.lang.size,
		// treeFile is the public name of a criteria tree's workbook,
		// which its appraised cells' notes leave out (treeRows).
		"treeFile": func(nodes []*par.NodeResult) string {
			if len(nodes) == 0 {
				return ""
			}
			return publicName(nodes[0].Src.File)
		},
		"dictArgs": func(id, caption string, cols []dataCol) dictTable {
			return dictTable{ID: id, Caption: caption, Cols: cols}
		},
		"dictJoin": func(a []dataCol, b dataCol, c []dataCol) []dataCol {
			return append(append(append([]dataCol{}, a...), b), c...)
		},
	}
}

// downloads writes a page's "Tải dữ liệu" block: its own data files.
func downloads(l dataLinks, pv *provenance, data any) template.HTML {
	type dl struct {
		url           sharedURL
		label, format string
	}
	T := pv.lang.T
	var files []dl
	var ld template.HTML
	switch p := data.(type) {
	case *rankingPage:
		y, g := p.Year, p.Group.ID
		files = []dl{{rankingDataURL(y, g, "csv"), T("Bảng xếp hạng (CSV)"), "CSV"}, {rankingDataURL(y, g, "xlsx"), T("Bảng xếp hạng (XLSX)"), "XLSX"},
			{rankingDataURL(y, g, "json"), T("Bảng xếp hạng, kèm nguồn từng số liệu (JSON)"), "JSON"}}
		var dfs []dataFile
		for _, f := range files {
			dfs = append(dfs, dataFile{URL: f.url, Name: path.Base(string(f.url)), Format: f.format})
		}
		ld = datasetLD(l, pv.site, []int{y}, p.Group.Name+" năm "+strconv.Itoa(y), rankingURL(y, g), dfs)
	case *unitPage:
		files = []dl{{unitDataURL(p.Unit.ID), T("Kết quả mọi năm, mọi tiêu chí (JSON)"), "JSON"}}
	case *unitYearPage:
		files = []dl{{unitDataURL(p.Unit.ID), T("Kết quả của đơn vị mọi năm, mọi tiêu chí (JSON)"), "JSON"}}
		if p.R != nil && pv.hasRanking(p.R.Year, p.R.Group) {
			files = append(files, dl{rankingDataURL(p.R.Year, p.R.Group, "csv"), pv.lang.F("Bảng xếp hạng của khối năm %d (CSV)", p.R.Year), "CSV"},
				dl{rankingDataURL(p.R.Year, p.R.Group, "xlsx"), T("Bảng xếp hạng của khối (XLSX)"), "XLSX"})
		}
	default:
		return ""
	}
	k := &markup{base: l.base, lang: pv.lang}
	var b strings.Builder
	b.WriteString("<aside class=\"downloads\" aria-labelledby=\"tai-du-lieu\">\n<h2 id=\"tai-du-lieu\">" + T("Tải dữ liệu") + "</h2>\n<ul>")
	for _, f := range files {
		b.WriteString("\n<li><a href=\"")
		k.sharedURL(&b, f.url)
		b.WriteString(`" download type="`)
		b.WriteString(mimeType(f.format))
		b.WriteString(`">`)
		esc(&b, f.label)
		b.WriteString("</a></li>")
	}
	b.WriteString("\n</ul>\n<p class=\"note\"><a href=\"")
	k.url(&b, urlDataDictionary)
	b.WriteString("\">" + T("Ý nghĩa từng cột, từng trường") + "</a> · <a href=\"")
	k.url(&b, urlData)
	b.WriteString("\">" + T("Mọi tệp dữ liệu, giấy phép, mã kiểm tra") + "</a></p>")
	if ld != "" {
		b.WriteString("\n")
		b.WriteString(string(ld))
	}
	b.WriteString("\n</aside>")
	return template.HTML(b.String())
}

// sharedURL appends the URL of a file both languages share, as the
// template function url writes it in an href (markup.url).
func (k *markup) sharedURL(b *strings.Builder, u sharedURL) {
	normURL(b, k.base.Path)
	normURL(b, strings.TrimPrefix(string(u), "/"))
}

// cited: a unit page's figures are its own results'.
func (p *unitPage) cited() []*par.Result {
	var out []*par.Result
	for _, r := range p.Rows {
		out = append(out, r.R)
	}
	for _, row := range p.Pred.Rows {
		for _, c := range row.Cells {
			if c != nil {
				out = append(out, c.R)
			}
		}
	}
	for _, cy := range p.ChildYears {
		for _, r := range cy.Rows {
			out = append(out, r.R)
		}
	}
	return out
}

// figureSources: a unit-year page names each of its result's figures'
// cells.
func (p *unitYearPage) figureSources() []namedFigure {
	if p.R == nil || !p.R.Scored {
		return nil
	}
	return resultFigures(p.R)
}

// cited: a unit-year page's figures are its result's.
func (p *unitYearPage) cited() []*par.Result {
	if p.R == nil {
		return nil
	}
	return []*par.Result{p.R}
}
