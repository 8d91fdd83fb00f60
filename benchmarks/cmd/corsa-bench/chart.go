package main

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strings"

	"github.com/corsa-go/corsa/benchmarks/frameworks"
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
	kind  frameworks.Kind
	label string
	color string
}{
	{frameworks.Bare, "bare framework", "#a0a0a0"},
	{frameworks.Corsa, "corsa", "#c0392b"},
	{frameworks.Builtin, "framework's CORS", "#2e86c1"},
	{frameworks.RSCors, "rs/cors", "#e67e22"},
	{frameworks.Floor, "fixed-header floor", "#27ae60"},
}

func colorOf(k frameworks.Kind) string {
	for _, s := range kindStyle {
		if s.kind == k {
			return s.color
		}
	}
	return "#000000"
}

// renderChart draws every result as a horizontal bar of its time in
// multiples of the bare framework's on the same scenario (median of the
// per-round ratios, with a whisker over their interquartile range), on a
// shared logarithmic axis (the hostile scenario spans orders of
// magnitude): one panel per framework, one group of bars per scenario,
// one bar per implementation. A black tick on corsa's bar marks each
// target's limit, converted to the same axis: corsa meets the target when
// its bar ends left of the tick. The subtitle says where the numbers come
// from.
func renderChart(results []result, subtitle string) string {
	fws := groupByFramework(results)
	bars := chartBars(fws)
	lo, hi := decades(bars)
	var body strings.Builder
	height := chartTop
	for row := 0; row*chartColumns < len(fws); row++ {
		rowHeight := 0
		for col := 0; col < chartColumns && row*chartColumns+col < len(fws); col++ {
			h := drawPanel(&body, fws[row*chartColumns+col], bars, col*panelWidth, height, lo, hi)
			rowHeight = max(rowHeight, h)
		}
		height += rowHeight + panelGap
	}
	width := chartColumns * panelWidth
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	b.WriteString(`<text x="10" y="20" font-size="15" font-weight="bold">time per request in multiples of the bare framework's (log scale; shorter is faster; whiskers: interquartile range; black ticks: corsa's targets)</text>` + "\n")
	fmt.Fprintf(&b, `<text x="10" y="36" fill="#555555" font-size="9">%s</text>`+"\n", html.EscapeString(subtitle))
	for i, s := range kindStyle {
		x := 10 + i*150
		fmt.Fprintf(&b, `<rect x="%d" y="46" width="12" height="12" fill="%s"/><text x="%d" y="56">%s</text>`+"\n",
			x, s.color, x+16, html.EscapeString(s.label))
	}
	b.WriteString(body.String())
	b.WriteString("</svg>\n")
	return b.String()
}

// bar is one result as the chart draws it.
type bar struct {
	x     spread // time over bare's, round by round
	ticks []tick
}

// tick is a target drawn on corsa's bar.
type tick struct {
	at   float64 // in multiples of bare's time
	text string
}

// chartBars computes every bar, keyed by result name. Results without a
// bare run on their scenario are left out.
func chartBars(fws []frameworkResults) map[string]bar {
	bars := map[string]bar{}
	for _, fw := range fws {
		checks := map[string]check{}
		for _, c := range evaluateTargets([]frameworkResults{fw}) {
			checks[c.target] = c
		}
		for _, r := range fw.results {
			bare, ok := fw.find(r.scenario, frameworks.Bare)
			if !ok || bare.ns <= 0 {
				continue
			}
			b := bar{x: r.ratio(bare)}
			if r.kind == frameworks.Corsa {
				b.ticks = targetTicks(fw, r.scenario, bare, checks)
			}
			bars[r.name()] = b
		}
	}
	return bars
}

// targetTicks places the ratio targets against other implementations on
// scenario on the chart's axis.
func targetTicks(fw frameworkResults, scenario string, bare result, checks map[string]check) []tick {
	var ticks []tick
	for _, t := range ratioTargets {
		if t.scenario != scenario || t.vsScenario != "" {
			continue
		}
		other, ok := fw.find(scenario, t.against)
		if !ok {
			continue
		}
		at := t.limit * other.ns / bare.ns
		if t.cost {
			at = (bare.ns + t.limit*(other.ns-bare.ns)) / bare.ns
		}
		c, ok := t.check(fw)
		if !ok {
			continue
		}
		ticks = append(ticks, tick{at: at, text: fmt.Sprintf("%s: %s, %s", c.target, c.measured, strings.Trim(c.verdict.String(), "*"))})
	}
	return ticks
}

// drawPanel draws one framework at (x0, y0) and returns its height.
func drawPanel(b *strings.Builder, fw frameworkResults, bars map[string]bar, x0, y0 int, lo, hi float64) int {
	scale := func(v float64) float64 {
		v = min(max(v, lo), hi)
		return float64(labelWidth) + float64(plotWidth)*(math.Log10(v)-math.Log10(lo))/(math.Log10(hi)-math.Log10(lo))
	}
	fmt.Fprintf(b, `<g transform="translate(%d,%d)">`+"\n", x0, y0)
	fmt.Fprintf(b, `<text x="10" y="14" font-size="13" font-weight="bold">%s</text>`+"\n", html.EscapeString(fw.name))
	y := panelTop
	var scenario string
	for _, r := range fw.results {
		br, ok := bars[r.name()]
		if !ok {
			continue
		}
		if r.scenario != scenario {
			if scenario != "" {
				y += groupGap
			}
			scenario = r.scenario
			fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelWidth-6, y+barHeight+1, html.EscapeString(scenario))
		}
		w := scale(br.x.med) - labelWidth
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %s ns/op, %s the bare framework, %d B/op, %d allocs/op</title></rect>`+"\n",
			labelWidth, y, max(w, 1), barHeight, colorOf(r.kind), html.EscapeString(r.name()), trimNs(r.ns), br.x.ratioText(), r.bytes, r.allocs)
		if br.x.hi > br.x.lo {
			fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#333333"/>`+"\n", scale(br.x.lo), y+barHeight/2, scale(br.x.hi), y+barHeight/2)
		}
		for _, t := range br.ticks {
			if t.at < lo || t.at > hi {
				continue
			}
			fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#000000" stroke-width="2"><title>%s</title></line>`+"\n",
				scale(t.at), y-1, scale(t.at), y+barHeight+1, html.EscapeString(t.text))
		}
		if br.x.med > hi {
			// Inside the clipped bar: there is no room after it.
			fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="9" text-anchor="end" fill="#ffffff">%s, off the scale</text>`+"\n",
				float64(labelWidth)+w-3, y+barHeight-1, humanRatio(br.x.med))
		} else {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="9">%s</text>`+"\n", scale(max(br.x.hi, br.x.med))+3, y+barHeight, humanRatio(br.x.med))
		}
		y += barHeight + barGap
	}
	bottom := y
	for d := lo; d <= hi*1.0001; d *= 10 {
		x := scale(d)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#dddddd"/>`+"\n", x, panelTop-4, x, bottom)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="9" text-anchor="middle" fill="#555555">%s</text>`+"\n", x, panelTop-8, humanRatio(d))
	}
	b.WriteString("</g>\n")
	return bottom
}

// outlierFactor: results slower than this many times the median are drawn
// clipped at the right edge, labelled with their value, so that one
// pathological case (a peer spending milliseconds on the hostile header)
// does not squeeze every other bar into a corner.
const outlierFactor = 20

// decades returns the powers of ten around every bar but the outliers.
func decades(bars map[string]bar) (lo, hi float64) {
	var all []float64
	for _, b := range bars {
		if b.x.med > 0 {
			all = append(all, b.x.med, max(b.x.hi, b.x.med))
		}
	}
	if len(all) == 0 {
		return 1, 10
	}
	slices.Sort(all)
	median := all[len(all)/2]
	lo, hi = all[0], 0
	for _, v := range all {
		if v <= outlierFactor*median {
			hi = v
		}
	}
	lo = math.Pow(10, math.Floor(math.Log10(lo)))
	hi = math.Pow(10, math.Ceil(math.Log10(hi)))
	if hi <= lo {
		hi = lo * 10
	}
	return lo, hi
}

// humanRatio prints a multiple of the bare framework's time.
func humanRatio(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f×", v)
	case v >= 10:
		return fmt.Sprintf("%.1f×", v)
	default:
		return fmt.Sprintf("%.2f×", v)
	}
}
