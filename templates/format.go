package templates

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Options says how to render.
type Options struct {
	Lang string // "en" or "sq"; empty means the scenario's language
}

// numbers formats decimals for one language: English writes 1,234.56,
// Albanian 1.234,56.
type numbers struct {
	lang     string
	decimals int32
}

// money formats an amount with the currency's decimals.
func (n numbers) money(d decimal.Decimal) string {
	return n.group(d.StringFixed(n.decimals))
}

// qty formats a quantity (FTE, hours, children) with at most two decimals.
func (n numbers) qty(d decimal.Decimal) string {
	s := d.Round(2).String()
	return n.group(s)
}

// group inserts thousands separators into a plain decimal string and swaps
// the separators for Albanian.
func (n numbers) group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	thou, dec := ",", "."
	if n.lang == "sq" {
		thou, dec = ".", ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}
