package ingest

import "parindex/internal/par"

// floorPrecision raises every figure's precision to its framework's
// published precision. A workbook stores 96.10 as the number 96.1, so the
// digits read from a numeric cell understate how the figure was published;
// without this, tolerances would loosen to 0.05 and tables would mix "96,1"
// with "95,18". Figures typed with more digits (91.651) keep them. It is
// the last step of parsing a workbook, so what a preview's cache keeps and
// what later stages read is final.
func floorPrecision(ds *par.Dataset, sheets []*par.Sheet, sums []*par.Summary) {
	floor := func(f *par.Figure, dec int) {
		if f.Known() && f.Decimals < dec {
			f.Decimals = dec
		}
	}
	for _, s := range sums {
		fw := ds.Framework(s.Group, s.Year)
		if fw == nil {
			continue
		}
		for _, f := range []*par.Figure{&s.Total, &s.Appraised, &s.Survey, &s.Satisfaction, &s.Index, &s.Bonus, &s.Penalty} {
			floor(f, fw.Decimals)
		}
		for k, f := range s.Areas {
			floor(&f, fw.Decimals)
			s.Areas[k] = f
		}
	}
	for _, sh := range sheets {
		fw := ds.Framework(sh.Group, sh.Year)
		if fw == nil {
			continue
		}
		for _, f := range []*par.Figure{&sh.Total, &sh.SelfTotal, &sh.Bonus, &sh.Penalty} {
			floor(f, fw.Decimals)
		}
		for _, r := range sh.Rows {
			floor(&r.Max, fw.Decimals)
			floor(&r.Self, fw.Decimals)
			floor(&r.Appraised, fw.Decimals)
		}
	}
}
