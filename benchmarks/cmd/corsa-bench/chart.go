package main

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strings"

	"github.com/corsa-go/corsa/benchmarks/suite"
)

// Chart geometry, in SVG user units (pixels).
const (
	chartColumns = 2
	panelWidth   = 500
	labelWidth   = 130 // scenario names, left of the bars
	plotWidth    = 290
	barHeight    = 8
	barGap       = 2
	groupGap     = 10
	panelTop     = 36 // panel title and axis labels above the bars
	panelGap     = 20
	chartTop     = 76 // chart title, subtitle and legend
)

// kindStyle is how each kind of implementation appears in the legend and
// the bars.
var kindStyle = []struct {
	kind  suite.Kind
	label string
	color string
}{
	{suite.Bare, "bare framework", "#a0a0a0"},
	{suite.Corsa, "corsa", "#c0392b"},
	{suite.Builtin, "framework's CORS", "#2e86c1"},
	{suite.RSCors, "rs/cors", "#e67e22"},
	{suite.Floor, "fixed-header floor", "#27ae60"},
}

func colorOf(k suite.Kind) string {
	for _, s := range kindStyle {
		if s.kind == k {
			return s.color
		}
	}
	return "#000000"
}

// renderChart draws ns/op of every result as horizontal bars on a shared
// logarithmic axis (the hostile scenario spans orders of magnitude): one
// panel per framework, one group of bars per scenario, one bar per
// implementation. The subtitle says where the numbers come from.
func renderChart(results []result, subtitle string) string {
	fws := groupByFramework(results)
	lo, hi := decades(results)
	var body strings.Builder
	height := chartTop
	for row := 0; row*chartColumns < len(fws); row++ {
		rowHeight := 0
		for col := 0; col < chartColumns && row*chartColumns+col < len(fws); col++ {
			h := drawPanel(&body, fws[row*chartColumns+col], col*panelWidth, height, lo, hi)
			rowHeight = max(rowHeight, h)
		}
		height += rowHeight + panelGap
	}
	width := chartColumns * panelWidth
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	b.WriteString(`<text x="10" y="20" font-size="15" font-weight="bold">ns per request through each framework (log scale; shorter is faster)</text>` + "\n")
	fmt.Fprintf(&b, `<text x="10" y="36" fill="#555555">%s</text>`+"\n", html.EscapeString(subtitle))
	for i, s := range kindStyle {
		x := 10 + i*150
		fmt.Fprintf(&b, `<rect x="%d" y="46" width="12" height="12" fill="%s"/><text x="%d" y="56">%s</text>`+"\n",
			x, s.color, x+16, html.EscapeString(s.label))
	}
	b.WriteString(body.String())
	b.WriteString("</svg>\n")
	return b.String()
}

// drawPanel draws one framework at (x0, y0) and returns its height.
func drawPanel(b *strings.Builder, fw frameworkResults, x0, y0 int, lo, hi float64) int {
	scale := func(ns float64) float64 {
		ns = min(max(ns, lo), hi)
		return float64(labelWidth) + float64(plotWidth)*(math.Log10(ns)-math.Log10(lo))/(math.Log10(hi)-math.Log10(lo))
	}
	fmt.Fprintf(b, `<g transform="translate(%d,%d)">`+"\n", x0, y0)
	fmt.Fprintf(b, `<text x="10" y="14" font-size="13" font-weight="bold">%s</text>`+"\n", html.EscapeString(fw.name))
	y := panelTop
	var scenario string
	for _, r := range fw.results {
		if r.scenario != scenario {
			if scenario != "" {
				y += groupGap
			}
			scenario = r.scenario
			fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelWidth-6, y+barHeight+1, html.EscapeString(scenario))
		}
		w := scale(r.ns) - labelWidth
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %s ns/op, %d B/op, %d allocs/op</title></rect>`+"\n",
			labelWidth, y, max(w, 1), barHeight, colorOf(r.kind), html.EscapeString(r.name()), trimNs(r.ns), r.bytes, r.allocs)
		if r.ns > hi {
			// Inside the clipped bar: there is no room after it.
			fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="9" text-anchor="end" fill="#ffffff">%s, off the scale</text>`+"\n",
				float64(labelWidth)+w-3, y+barHeight-1, humanNs(r.ns))
		} else {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="9">%s</text>`+"\n", float64(labelWidth)+max(w, 1)+3, y+barHeight, humanNs(r.ns))
		}
		y += barHeight + barGap
	}
	bottom := y
	for d := lo; d <= hi*1.0001; d *= 10 {
		x := scale(d)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#dddddd"/>`+"\n", x, panelTop-4, x, bottom)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="9" text-anchor="middle" fill="#555555">%s</text>`+"\n", x, panelTop-8, humanNs(d))
	}
	b.WriteString("</g>\n")
	return bottom
}

// outlierFactor: results slower than this many times the median are drawn
// clipped at the right edge, labelled with their value, so that one
// pathological case (a peer spending milliseconds on the hostile header)
// does not squeeze every other bar into a corner.
const outlierFactor = 20

// decades returns the powers of ten around every result's ns/op but the
// outliers.
func decades(results []result) (lo, hi float64) {
	var all []float64
	for _, r := range results {
		if r.ns > 0 {
			all = append(all, r.ns)
		}
	}
	if len(all) == 0 {
		return 1, 10
	}
	slices.Sort(all)
	median := all[len(all)/2]
	lo, hi = all[0], 0
	for _, ns := range all {
		if ns <= outlierFactor*median {
			hi = ns
		}
	}
	lo = math.Pow(10, math.Floor(math.Log10(lo)))
	hi = math.Pow(10, math.Ceil(math.Log10(hi)))
	if hi <= lo {
		hi = lo * 10
	}
	return lo, hi
}

// humanNs prints a duration in ns with a unit suited to its size.
func humanNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	default:
		return fmt.Sprintf("%.3g ns", ns)
	}
}
