package scenarios

// A formula variant written by a program: the weights and the fixed pot
// changed on the web page become a copy of the shipped formula with those
// values rewritten in place (a formula has no extends), the text the page
// computes and offers for download, so that `kosto grant` of the download
// gives the page's allocation. Every other line stays as shipped, so a
// problem names the line and key of the copy as validate would.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/kosto-project/kosto/models"
)

// FormulaPotKey is the key of a fixed pot's amount, as FormulaVariant and
// the page name it; a criterion's weight is "criteria.NAME.weight".
const FormulaPotKey = "pot.amount"

// FormulaVariantName is the [formula] name a written variant of a formula
// named name gets.
func FormulaVariantName(name string) string { return name + "_changed" }

var (
	weightLine = regexp.MustCompile(`^(\s*weight\s*=\s*)("[^"]*"|[^\s#]+)`)
	amountLine = regexp.MustCompile(`^(\s*amount\s*=\s*)("[^"]*"|[^\s#{]+)`)
	valueKey   = regexp.MustCompile(`(\bvalue\s*=\s*)("[^"]*"|[^\s,}]+)`)
	nameLine   = regexp.MustCompile(`^(\s*name\s*=\s*)("[^"]*")`)
)

// FormulaVariant writes the TOML of the shipped formula base with the
// values keyed in values — "criteria.NAME.weight", and "pot.amount" when
// its pot is a fixed amount — rewritten in place, and its name made
// FormulaVariantName's. A value must be a plain decimal ("0.5", "1200000"),
// a key one of the formula's; anything else is an error, and nothing else
// can reach the text. What a value may be (weights that sum to 1, an
// amount with the currency's decimals) is left to reading the text
// (OpenFormulaSource), which reports it with its line and key.
func FormulaVariant(base string, values map[string]string) ([]byte, error) {
	if !slices.Contains(Formulas(), base) {
		return nil, fmt.Errorf("%q is not a shipped formula", base)
	}
	src, err := FormulaSource(base)
	if err != nil {
		return nil, err
	}
	f, err := ShippedFormula(base)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(src), "\n")
	// rewrite replaces the value re's second group matches on line (the
	// first match only).
	rewrite := func(line int, re *regexp.Regexp, v, key string) error {
		var m []int
		if line >= 1 && line <= len(lines) {
			m = re.FindStringSubmatchIndex(lines[line-1])
		}
		if m == nil {
			return fmt.Errorf("%s: the formula %s does not write it as the page can change it", key, base)
		}
		l := lines[line-1]
		lines[line-1] = l[:m[4]] + tomlQuote(v) + l[m[5]:]
		return nil
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		v := strings.TrimSpace(values[key])
		if !plainDecimal(v) {
			return nil, fmt.Errorf("%s = %q: expected a number such as 0.5 or 1200000", key, values[key])
		}
		if key == FormulaPotKey {
			if f.Pot.Kind != models.PotAmount {
				return nil, fmt.Errorf("%s: the pot of %s is no fixed amount", key, base)
			}
			re := amountLine
			if l := f.Pot.Amount.Pos.Line; l >= 1 && l <= len(lines) && strings.Contains(lines[l-1], "{") {
				re = valueKey
			}
			if err := rewrite(f.Pot.Amount.Pos.Line, re, v, key); err != nil {
				return nil, err
			}
			continue
		}
		name, ok := strings.CutPrefix(key, "criteria.")
		name, ok2 := strings.CutSuffix(name, ".weight")
		i := slices.IndexFunc(f.Criteria, func(c *models.Criterion) bool { return c.Name == name })
		if !ok || !ok2 || i < 0 {
			return nil, fmt.Errorf("%s: formula %s has no such weight", key, base)
		}
		if err := rewrite(f.Criteria[i].Weight.Pos.Line, weightLine, v, key); err != nil {
			return nil, err
		}
	}
	if f.Name.Set {
		if err := rewrite(f.Name.Pos.Line, nameLine, FormulaVariantName(f.Name.S), "formula.name"); err != nil {
			return nil, err
		}
	}
	head := fmt.Sprintf("# A variant of the shipped formula %s, written by kosto serve: the weights and\n"+
		"# the pot changed on the page are rewritten in place, everything else is as shipped.\n"+
		"# `kosto grant` of this file gives the page's allocation.\n", base)
	return []byte(head + strings.Join(lines, "\n")), nil
}

// OpenFormulaSource reads a formula from its text alone (shown names it in
// messages), as OpenFormula reads a shipped one: the data table and the
// scenario it names can only be shipped ones.
func OpenFormulaSource(shown string, src []byte, o CSVOptions) (*GrantInput, error) {
	return openFormula(formulaFile{arg: shown, src: src, shown: shown, shipped: true}, "", o)
}
