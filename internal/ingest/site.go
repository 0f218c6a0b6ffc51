package ingest

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"parindex/internal/baseurl"
	"parindex/internal/diag"
	"parindex/internal/par"
)

// loadSite reads data/site.yaml.
func loadSite(fsys fs.FS, d *diag.List) par.Site {
	s := par.Site{BaseURL: "/", Limits: DefaultLimits(), Src: par.Source{File: sitePath, Line: 1}}
	data, ok := readText(fsys, sitePath, d)
	if !ok {
		return s
	}
	y := &yfile{path: sitePath, d: d}
	root, ok := y.parse(data)
	if !ok {
		return s
	}
	m := y.fields(root, "site.yaml", "title", "title_en", "province", "publisher", "publisher_en", "sample", "base_url", "not_applicable", "limits", "data_license")
	if root == nil {
		d.Errorf(s.Src, "site.yaml is empty: it needs at least a title")
		return s
	}
	if m.need("title") {
		s.Title = m.str("title")
	}
	s.TitleEn = m.str("title_en")
	s.Province = m.str("province")
	s.Publisher = m.str("publisher")
	s.PublisherEn = m.str("publisher_en")
	s.Sample = m.boolean("sample")
	s.NotApplicable, _ = m.strs("not_applicable")
	if m.has("base_url") {
		if b, err := baseurl.Parse(m.str("base_url")); err != nil {
			d.Errorf(m.src("base_url"), "%v", err)
		} else {
			s.BaseURL = b.String()
		}
	}
	if m.has("limits") {
		s.Limits = loadLimits(y, m.vals["limits"], s.Limits)
	}
	if m.has("data_license") {
		l := y.fields(m.vals["data_license"], "data_license", "name", "url")
		if l.need("name") {
			s.DataLicense = l.str("name")
		}
		s.DataLicenseURL = l.str("url")
		if u := s.DataLicenseURL; u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			d.Errorf(l.src("url"), "data_license.url %q is not a web address (write https://…)", u)
			s.DataLicenseURL = ""
		}
	}
	return s
}

// loadLimits reads the `limits:` mapping: sizes such as 8 MiB, 512 KiB,
// 2 GiB or a number of bytes.
func loadLimits(y *yfile, n *yaml.Node, lim par.Limits) par.Limits {
	fields := []struct {
		key string
		v   *int64
	}{
		{"markdown", &lim.Markdown}, {"yaml", &lim.YAML}, {"attachment", &lim.Attachment},
		{"workbook", &lim.Workbook}, {"workbook_unzipped", &lim.WorkbookUnzipped},
		{"workbooks_unzipped", &lim.WorkbooksUnzipped}, {"workbook_memory", &lim.WorkbookMemory},
	}
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	m := y.fields(n, "limits", keys...)
	for _, f := range fields {
		if !m.has(f.key) {
			continue
		}
		v, err := parseSize(m.str(f.key))
		if err != nil {
			y.d.Errorf(m.src(f.key), "limits.%s: %v", f.key, err)
			continue
		}
		*f.v = v
	}
	if lim.WorkbookUnzipped > lim.WorkbookMemory {
		at := m.src("workbook_memory")
		if !m.has("workbook_memory") {
			at = m.src("workbook_unzipped")
		}
		y.d.Errorf(at, "limits.workbook_memory (%s) must be at least limits.workbook_unzipped (%s): one workbook must fit", sizeText(lim.WorkbookMemory), sizeText(lim.WorkbookUnzipped))
		lim.WorkbookMemory = lim.WorkbookUnzipped
	}
	return lim
}

// parseSize reads "8 MiB", "512KiB", "2 GB", "1000" (bytes). K, M and G
// are binary multiples however written (KB = KiB): limits need no more
// precision than that.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (write e.g. 8 MiB, 512 KiB or 2 GiB)", s)
	}
	unit := strings.ToLower(strings.TrimSpace(t[i:]))
	mult := map[string]int64{"": 1, "b": 1, "bytes": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
		"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("%q is not a size (write e.g. 8 MiB, 512 KiB or 2 GiB)", s)
	}
	if n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n * mult, nil
}
