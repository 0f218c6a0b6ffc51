package report

import (
	"errors"
	"regexp"
	"strconv"
)

// PageSize is a PDF page's size in points (1/72 inch).
type PageSize struct{ W, H float64 }

// A4 reports a page of A4 size, portrait, within a point.
func (p PageSize) A4() bool {
	return p.W > 594 && p.W < 596.5 && p.H > 841 && p.H < 843
}

var (
	pageObj  = regexp.MustCompile(`/Type\s*/Page\b`)
	mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
	objRE    = regexp.MustCompile(`(?s)\d+\s+\d+\s+obj\b(.*?)endobj`)
)

// Pages reads the pages of a PDF as chromium writes it (objects not in
// compressed object streams): each /Type /Page object and its /MediaBox,
// or the /Pages node's when the page has none. Enough to check a printed
// report, not a general PDF reader.
func Pages(b []byte) ([]PageSize, error) {
	var pages []PageSize
	var inherited *PageSize
	for _, m := range objRE.FindAllSubmatch(b, -1) {
		body := m[1]
		box := mediaBox.FindSubmatch(body)
		var size *PageSize
		if box != nil {
			v := make([]float64, 4)
			for i := range v {
				f, err := strconv.ParseFloat(string(box[i+1]), 64)
				if err != nil {
					return nil, err
				}
				v[i] = f
			}
			size = &PageSize{W: v[2] - v[0], H: v[3] - v[1]}
		}
		switch {
		case pageObj.Match(body):
			if size == nil {
				size = &PageSize{}
			}
			pages = append(pages, *size)
		case size != nil:
			inherited = size
		}
	}
	if len(pages) == 0 {
		return nil, errors.New("not a PDF with pages (no /Type /Page object)")
	}
	for i := range pages {
		if pages[i] == (PageSize{}) && inherited != nil {
			pages[i] = *inherited
		}
	}
	return pages, nil
}
