package scenarios

// A variant written by a program: the web page's edited inputs become a
// small file that extends a shipped scenario (FORMAT.md §4), the same text
// the page costs and offers for download, so that `kosto run` of the
// download gives the page's figures.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/kosto-project/kosto/models"
	"github.com/shopspring/decimal"
)

// VariantName is the [scenario] name a written variant of base gets.
func VariantName(base string) string {
	return strings.ReplaceAll(base, "-", "_") + "_changed"
}

// dateLike is how a `from` is written bare in TOML: a year or a date.
var dateLike = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$`)

// Variant writes the TOML of a variant of the shipped scenario base (sc is
// base as loaded) that sets each parameter named in values to its value,
// the page's changes (kosto serve), with WriteVariant. Each says as its
// source what it was and where that came from. A value must be a plain
// decimal ("300", "0.05", "-1"), a parameter one of sc's; anything else is
// an error, and nothing else can reach the text. What the value may be (a
// share at most 1, money not negative) is left to loading the text, which
// reports it with its line and key as validate does.
func Variant(base string, sc *models.Scenario, values map[string]string) ([]byte, error) {
	if !slices.Contains(Shipped(), base) {
		return nil, fmt.Errorf("%q is not a shipped scenario", base)
	}
	title := sc.Meta.Title.S
	if title == "" {
		title = base
	}
	spec := VariantSpec{Extends: base, Name: VariantName(base), Title: title + " (changed)",
		Comment: []string{"A variant of the shipped scenario " + base + ", written by kosto serve: it states only",
			"the inputs changed on the page. `kosto run` of this file gives the page's figures."}}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p, ok := sc.Parameters[name]
		if !ok {
			return nil, fmt.Errorf("parameter %q: scenario %s has no such parameter", name, base)
		}
		in := p.Input
		was := in.Raw
		if in.Ref == "" {
			was = in.Value.String()
		}
		why := fmt.Sprintf("changed on the kosto page from %s", was)
		switch {
		case in.Source != "":
			why += " (source of " + was + ": " + in.Source + ")"
		case in.Assumption != "":
			why += " (assumption behind " + was + ": " + in.Assumption + ")"
		}
		spec.Values = append(spec.Values, VariantValue{Key: "parameters." + name, Value: values[name], Source: why})
	}
	src, _, err := WriteVariant(sc, spec)
	if err != nil {
		return nil, fmt.Errorf("parameter %v", strings.TrimPrefix(err.Error(), "parameters."))
	}
	return src, nil
}

// plainDecimal reports whether s is a decimal written out ("300", "0.05",
// "-1"), the only form of a value a written variant lets through.
func plainDecimal(s string) bool {
	_, err := decimal.NewFromString(s)
	return err == nil && !strings.ContainsAny(s, "eE")
}

// tomlQuote writes s as a TOML basic string: quotes and backslashes escaped,
// and every control character as \uXXXX (TOML knows no \x or \a).
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// A VariantValue is one value a written variant states: at Key, a dotted
// key path of the scenario format ("parameters.foster_allowance",
// "municipalities.lugina.parameters.foster_children",
// "services.day_centre.places",
// "municipalities.lugina.services.foster_care.children"), a plain decimal
// Value, and the Source it says it comes from.
type VariantValue struct{ Key, Value, Source string }

// A VariantSpec is what WriteVariant writes: a variant that extends a base
// (a shipped scenario's name, or a path relative to the variant's folder),
// with its [scenario] name and title, comment lines at its top, and values.
type VariantSpec struct {
	Extends     string
	Name, Title string
	Comment     []string
	Values      []VariantValue
}

// WriteVariant writes the TOML of a variant of sc (its base as loaded) and
// returns it with the line each value is written on (by the value's
// index), so that a problem found loading the text can be said of the
// value that caused it. A parameter is replaced whole in a variant, so each
// keeps its unit, the date it applies from and its uprate rule; any other
// value is written as a value table with its source at its key, which a
// variant's overlay merges key by key (models.Overlay). Keys must be
// dotted lower_case names, values plain decimals: nothing else can reach
// the text. What a value may be is left to loading the text, which reports
// it with its line and key as validate does.
func WriteVariant(sc *models.Scenario, v VariantSpec) ([]byte, []int, error) {
	var b strings.Builder
	for _, c := range v.Comment {
		fmt.Fprintf(&b, "# %s\n", strings.ReplaceAll(c, "\n", " "))
	}
	if len(v.Comment) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "format = %d\nextends = %s\n\n", models.FormatVersion, tomlQuote(v.Extends))
	fmt.Fprintf(&b, "[scenario]\nname = %s\ntitle = %s\n", tomlQuote(v.Name), tomlQuote(v.Title))
	lines := make([]int, len(v.Values))
	line := func() int { return strings.Count(b.String(), "\n") + 1 }
	// Parameters first, one table each; then the other values, grouped
	// by the table they belong to, tables in order.
	var tables []string
	byTable := map[string][]int{}
	for i, val := range v.Values {
		parts := strings.Split(val.Key, ".")
		for _, p := range parts {
			if !models.ValidName(p) {
				return nil, nil, fmt.Errorf("key %q: expected dotted lower_case names", val.Key)
			}
		}
		num := strings.TrimSpace(val.Value)
		if !plainDecimal(num) {
			return nil, nil, fmt.Errorf("%s = %q: expected a number such as 300 or 0.05", val.Key, val.Value)
		}
		var in *models.Input
		switch {
		case len(parts) == 2 && parts[0] == "parameters":
			if p, ok := sc.Parameters[parts[1]]; ok {
				in = &p.Input
			}
		case len(parts) == 4 && parts[0] == "municipalities" && parts[2] == "parameters":
			if m, ok := sc.Municipalities[parts[1]]; ok {
				if p, ok := m.Parameters[parts[3]]; ok {
					in = &p.Input
				}
			}
			if p, ok := sc.Parameters[parts[3]]; ok && in == nil {
				in = &p.Input
			}
		case len(parts) < 3:
			return nil, nil, fmt.Errorf("key %q: a variant states a parameter or a key inside a table", val.Key)
		default:
			t := strings.Join(parts[:len(parts)-1], ".")
			if byTable[t] == nil {
				tables = append(tables, t)
			}
			byTable[t] = append(byTable[t], i)
			continue
		}
		if in == nil {
			return nil, nil, fmt.Errorf("%s: scenario %s has no such parameter", val.Key, sc.Meta.Name.S)
		}
		fmt.Fprintf(&b, "\n[%s]\n", val.Key)
		lines[i] = line()
		fmt.Fprintf(&b, "value = %s\n", tomlQuote(num))
		if in.Unit != "" {
			fmt.Fprintf(&b, "unit = %s\n", tomlQuote(in.Unit))
		}
		fmt.Fprintf(&b, "source = %s\n", tomlQuote(val.Source))
		if dateLike.MatchString(in.From) {
			fmt.Fprintf(&b, "from = %s\n", in.From)
		}
		if in.Uprate.Set {
			fmt.Fprintf(&b, "uprate = %s\n", tomlQuote(in.Uprate.S))
		}
	}
	slices.Sort(tables)
	for _, t := range tables {
		fmt.Fprintf(&b, "\n[%s]\n", t)
		for _, i := range byTable[t] {
			val := v.Values[i]
			lines[i] = line()
			fmt.Fprintf(&b, "%s = { value = %s, source = %s }\n", val.Key[len(t)+1:], tomlQuote(strings.TrimSpace(val.Value)), tomlQuote(val.Source))
		}
	}
	return []byte(b.String()), lines, nil
}
