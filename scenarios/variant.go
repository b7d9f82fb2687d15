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
// base as loaded) that sets each parameter named in values to its value.
// A parameter is replaced whole in a variant, so each keeps its unit, the
// date it applies from and its uprate rule, and says as its assumption what
// it was and where that came from. A value must be a plain decimal
// ("300", "0.05", "-1"), a parameter one of sc's; anything else is an
// error, and nothing else can reach the text. What the value may be (a
// share at most 1, money not negative) is left to loading the text, which
// reports it with its line and key as validate does.
func Variant(base string, sc *models.Scenario, values map[string]string) ([]byte, error) {
	if !slices.Contains(Shipped(), base) {
		return nil, fmt.Errorf("%q is not a shipped scenario", base)
	}
	var b strings.Builder
	title := sc.Meta.Title.S
	if title == "" {
		title = base
	}
	fmt.Fprintf(&b, "# A variant of the shipped scenario %s, written by kosto serve: it states only\n", base)
	fmt.Fprintf(&b, "# the inputs changed on the page. `kosto run` of this file gives the page's figures.\n\n")
	fmt.Fprintf(&b, "format = %d\nextends = %s\n\n", models.FormatVersion, tomlQuote(base))
	fmt.Fprintf(&b, "[scenario]\nname = %s\ntitle = %s\n", tomlQuote(VariantName(base)), tomlQuote(title+" (changed)"))
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
		v := strings.TrimSpace(values[name])
		if _, err := decimal.NewFromString(v); err != nil || strings.ContainsAny(v, "eE") {
			return nil, fmt.Errorf("parameter %s = %q: expected a number such as 300 or 0.05", name, values[name])
		}
		in := p.Input
		fmt.Fprintf(&b, "\n[parameters.%s]\nvalue = %s\n", name, tomlQuote(v))
		if in.Unit != "" {
			fmt.Fprintf(&b, "unit = %s\n", tomlQuote(in.Unit))
		}
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
		fmt.Fprintf(&b, "assumption = %s\n", tomlQuote(why))
		if dateLike.MatchString(in.From) {
			fmt.Fprintf(&b, "from = %s\n", in.From)
		}
		if in.Uprate.Set {
			fmt.Fprintf(&b, "uprate = %s\n", tomlQuote(in.Uprate.S))
		}
	}
	return []byte(b.String()), nil
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
