package templates

import (
	"fmt"
	"io"
	"strings"

	"github.com/kosto-project/kosto/costing"
)

// Explain writes a figure's formula tree: each figure with its value, the
// formula that computed it, and below it the figures it was computed from,
// down to the scenario's parameters with their sources.
func Explain(w io.Writer, r *costing.Result, e *costing.Explanation, o Options) error {
	v := newView(r, o)
	ew := &errWriter{w: w}
	v.explain(ew, e, "", "", true)
	fmt.Fprintf(ew, "\n(%s)\n", v.l("rounded_note"))
	return ew.err
}

func (v *view) explain(w io.Writer, e *costing.Explanation, lead, childLead string, root bool) {
	n := e.Node
	value := v.l("undefined")
	if e.Defined {
		value = v.amount(e.ID)
	}
	unit := ""
	if n.Unit != "" {
		unit = " " + unitLabel(v.lang, n.Unit)
	}
	fmt.Fprintf(w, "%s%s = %s%s", lead, n.Name, value, unit)
	// A leaf's label is its key, which its name already says; show the
	// label only where the glossary gives it words.
	if name := v.name(e.ID); name != "" && (root || name != n.Label) {
		fmt.Fprintf(w, "  (%s)", name)
	}
	fmt.Fprintln(w)
	pad := childLead + "│   "
	if len(e.Inputs) == 0 {
		pad = childLead + "    "
	}
	switch {
	case n.Op == costing.OpInput:
		for _, line := range v.leafLines(n) {
			fmt.Fprintf(w, "%s%s\n", pad, line)
		}
		return
	case e.Repeated:
		fmt.Fprintf(w, "%s= %s  (%s)\n", pad, shorten(e.Formula, n.Name), v.l("see_above"))
		return
	case e.Truncated:
		fmt.Fprintf(w, "%s= %s  %s\n", pad, shorten(e.Formula, n.Name), v.l("deeper"))
		return
	}
	fmt.Fprintf(w, "%s= %s\n", pad, shorten(e.Formula, n.Name))
	for i, in := range e.Inputs {
		last := i == len(e.Inputs)-1
		branch, next := "├── ", "│   "
		if last {
			branch, next = "└── ", "    "
		}
		v.explain(w, in, childLead+branch, childLead+next, false)
	}
}

// leafLines says where an input came from.
func (v *view) leafLines(n *costing.Node) []string {
	l := n.Leaf
	var out []string
	if l.Source != "" {
		out = append(out, v.l("source")+": "+l.Source)
	}
	if l.Assumption != "" {
		if l.Assumption == "default of the scenario format" {
			out = append(out, v.l("default"))
		} else if l.Assumption != "constant" {
			out = append(out, v.l("assumption")+": "+l.Assumption)
		}
	}
	if l.From != "" {
		out = append(out, v.l("applies_from")+" "+l.From)
	}
	if l.Pos.File != "" {
		out = append(out, v.l("written_at")+" "+l.Pos.String())
	}
	return out
}

// shorten drops the part of each name in a formula that the figure's own
// name already says ("gjilan.foster_care."), so formulas stay readable.
func shorten(formula, name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return formula
	}
	prefix := name[:i+1]
	for prefix != "" {
		if strings.Contains(formula, prefix) {
			return strings.ReplaceAll(formula, prefix, "")
		}
		j := strings.LastIndexByte(strings.TrimSuffix(prefix, "."), '.')
		if j < 0 {
			break
		}
		prefix = prefix[:j+1]
	}
	return formula
}
