package site

import (
	"slices"
	"strconv"
	"strings"

	"parindex/internal/chart"
	"parindex/internal/par"
	"parindex/internal/viet"
)

// The complete methods build what Plan leaves to the render workers: chart
// options (JSON encoding is the costliest part of a page) and flattened
// criteria trees. Each returns a modified copy, so pages stay read-only and
// workers share nothing.

func (p rankingPage) complete() (any, error) {
	p.Charts = nonEmpty(chart.RankingIndex(p.Ranking), chart.BandDistribution(p.Ranking))
	return p, nil
}

func (p *unitPage) complete() (any, error) {
	c := *p
	c.Charts = nonEmpty(chart.UnitHistory(p.Name, p.history))
	if p.profile != nil && len(p.stats) > 0 {
		c.Charts = append(c.Charts, nonEmpty(chart.AreaProfile(p.profile, p.stats))...)
	}
	return &c, nil
}

func (p *unitYearPage) complete() (any, error) {
	c := *p
	c.Tree, c.TreeSrc = tree(p.R.Tree)
	c.Areas = areasWithMax(p.R)
	if len(p.R.Areas) > 0 {
		c.Charts = nonEmpty(chart.AreaPoints(p.R))
	}
	return &c, nil
}

// nonEmpty drops charts with nothing to plot: their data tables would be
// empty too, and every figure is in the page's own tables anyway.
func nonEmpty(cs ...chart.Chart) []chart.Chart {
	var out []chart.Chart
	for _, c := range cs {
		if !c.Empty {
			out = append(out, c)
		}
	}
	return out
}

// areasWithMax fills an area's maximum from the framework where the result
// does not know its applicable maximum (annexes publish points only).
func areasWithMax(r *par.Result) []par.AreaResult {
	out := slices.Clone(r.Areas)
	for i := range out {
		if out[i].Max != 0 || r.Framework == nil {
			continue
		}
		for _, a := range r.Framework.Areas {
			if a.Code == out[i].Code {
				out[i].Max = a.Max
			}
		}
	}
	return out
}

// tree flattens a criteria tree in document order. The appraised cell's
// title names only sheet!cell when the cell is in the tree's workbook,
// which the page names once (the second result), so that a tree of 150
// rows does not repeat a long path 150 times.
func tree(nodes []*par.NodeResult) ([]treeRow, string) {
	var file string
	if len(nodes) > 0 {
		file = nodes[0].Src.File
	}
	n := 0
	var count func(ns []*par.NodeResult)
	count = func(ns []*par.NodeResult) {
		for _, c := range ns {
			n++
			count(c.Children)
		}
	}
	count(nodes)
	out := make([]treeRow, 0, n) // grown by append, trees cost twice their size
	var b strings.Builder
	var walk func(ns []*par.NodeResult, depth int)
	walk = func(ns []*par.NodeResult, depth int) {
		for _, n := range ns {
			level := depth
			row := treeRow{Remark: n.Remark}
			if n.Node != nil {
				row.Code, row.Title = n.Node.Code, n.Node.Title
				if n.Node.Level > 0 {
					level = n.Node.Level
				}
			}
			b.Reset()
			b.WriteString("lvl-")
			b.WriteString(strconv.Itoa(level))
			if level == 1 {
				b.WriteString(" area")
			}
			if n.NA {
				b.WriteString(" na")
				row.Max = "Không áp dụng"
			} else {
				row.Max = viet.DecimalComma(n.Max.String())
				row.Self, row.Appr = fmtFigure(n.Self), fmtFigure(n.Appraised)
				if n.Self.Origin == par.Computed {
					b.WriteString(" cs")
				}
				if n.Appraised.Origin == par.Computed {
					b.WriteString(" ca")
				}
				if s := n.Appraised.Src; s.Sheet != "" && s.Cell != "" {
					if s.File == file {
						row.ApprSrc = s.Sheet + "!" + s.Cell
					} else {
						row.ApprSrc = s.String()
					}
				}
				if n.Appraised.Known() {
					row.Lost = viet.DecimalComma(n.Lost.Format(n.Appraised.Decimals))
					if n.Lost > 0 {
						b.WriteString(" lost")
					}
				} else {
					row.Lost = dash
				}
			}
			row.Class = b.String()
			out = append(out, row)
			walk(n.Children, depth+1)
		}
	}
	walk(nodes, 1)
	if file == "" {
		return out, ""
	}
	src := file
	if s := nodes[0].Src.Sheet; s != "" {
		src += ", trang tính " + s
	}
	return out, src
}
