package models

import (
	"github.com/shopspring/decimal"
)

// Provenance is what a reader needs to trust a number: its unit, where it was
// published, the date it applies from, and — when no source gives it — the
// assumption behind it.
type Provenance struct {
	Unit       string // e.g. "EUR/month", "share", "hours/week"
	Source     string // document, year, page or URL
	From       string // date the value applies from, as written (2018-06-01, 2024)
	Assumption string // why this value was chosen, when it is not taken from a source
}

// Known reports whether the provenance says anything at all about the origin
// of the value.
func (p Provenance) Known() bool { return p.Source != "" || p.Assumption != "" }

// An Input is one number of a scenario as the user wrote it: either a literal
// (Value) or a reference to a named parameter (Ref). Which it is, and whether a
// literal was written as a TOML float, are kept so that validation can refuse
// what would be unsafe (a float amount loses digits on the way in).
type Input struct {
	Pos   Position
	Set   bool            // false when the key was not written at all
	Raw   string          // the value as written, for messages
	Float bool            // written as a floating-point number
	Ref   string          // name of the parameter referred to; empty for a literal
	Value decimal.Decimal // the literal value, when Ref is empty
	Provenance
	Uprate Text   // how a projection moves the value: "frozen", "prices", "wages" or a path; unset: by its key's class
	Range  *Range // how far the value might be from the one written, for kosto uncertainty; nil: no range
}

// Lit returns a literal input, for building scenarios in code and tests.
func Lit(s string) Input {
	d := decimal.RequireFromString(s)
	return Input{Set: true, Raw: s, Value: d}
}

// Ref returns an input that refers to the named parameter.
func RefTo(name string) Input {
	return Input{Set: true, Raw: `"` + name + `"`, Ref: name}
}

// ValidName reports whether s can name a parameter, role, service or
// municipality: lower-case ASCII letters, digits and underscores, starting
// with a letter. Names become parts of figure names such as
// "gjilan.foster_care.unit_cost", so they must be plain.
func ValidName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// A Kind says what sort of quantity a field holds, which decides how it is
// checked and whether the engine rounds it.
type Kind uint8

const (
	// Money is an amount in the scenario's currency: zero or more, never
	// written as a float, rounded to the currency's minor unit by the engine.
	Money Kind = iota + 1
	// Share is a fraction from 0 to 1 (5% is written 0.05).
	Share
	// Quantity is any other non-negative number: hours, weeks, children,
	// places, cases, years.
	Quantity
	// Rate is a yearly rate of growth: above −1 (a fall of less than 100%)
	// and at most 1 (100% a year; a larger rate is more likely a typo than
	// a forecast). 3% is written 0.03, a 2% fall −0.02.
	Rate
)

func (k Kind) String() string {
	switch k {
	case Money:
		return "money"
	case Share:
		return "share"
	case Quantity:
		return "quantity"
	case Rate:
		return "rate"
	}
	return "unknown"
}

// A Spec is what a field of the scenario accepts.
type Spec struct {
	Kind     Kind
	Positive bool // must be greater than zero (it divides something)
	Whole    bool // must be a whole number (years of an annuity, months)
	Max      int64
}
