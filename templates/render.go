package templates

import (
	"fmt"
	"io"
)

// Render writes a document in one of TextFormats.
func Render(w io.Writer, d *Document, o Options, format Format) error {
	switch format {
	case FormatTable:
		return renderText(w, d, o)
	case FormatMarkdown:
		return renderMarkdown(w, d)
	case FormatJSON:
		return renderJSON(w, d)
	case FormatCSV:
		return renderCSV(w, d, o)
	}
	return format.text()
}

// write builds a document and renders it.
func write(w io.Writer, d *Document, err error, o Options, format Format) error {
	if err != nil {
		return err
	}
	return Render(w, d, o, format)
}

// cellText is how a cell reads in a document's language: a figure with the
// language's separators and its kind's decimals, a memo amount in
// brackets, an undefined figure as n/a, and the cell's mark after it.
func cellText(lang string, c Cell) string {
	if c.Kind == KindText {
		return c.Text
	}
	if !c.Defined {
		return label(lang, "undefined") + c.Text
	}
	n := numbers{lang: lang}
	var s string
	switch c.Kind {
	case KindMoney, KindNumber:
		s = n.group(c.Value.StringFixed(c.Places))
	case KindMemo:
		s = "(" + n.group(c.Value.StringFixed(c.Places)) + ")"
	case KindQuantity:
		s = n.qty(c.Value)
	case KindShare:
		s = n.qty(c.Value.Shift(2)) + "%"
		if c.Places > 0 {
			s = n.group(c.Value.Shift(2).StringFixed(c.Places)) + "%"
		}
	case KindRatio:
		s = n.group(c.Value.StringFixed(c.Places)) + "×"
	case KindCount:
		s = c.Value.String()
	default:
		panic(fmt.Sprintf("templates: a cell of kind %d", c.Kind))
	}
	return s + c.Text
}

// exact is a figure's value as programs read it: an exact decimal with a
// point, money with its decimals; "" when undefined or words.
func exact(c Cell) string {
	switch {
	case c.Kind == KindText || !c.Defined:
		return ""
	case c.Kind == KindMoney || c.Kind == KindMemo:
		return c.Value.StringFixed(c.Places)
	}
	return c.Value.String()
}
