// Package templates renders costing results for people and programs: terminal
// tables, Markdown, JSON, CSV and Excel workbooks with live formulas, in
// each of models.Languages, and formula trees for `kosto explain`.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// Every renderer reads a costing.Result (or a projection, a comparison, a
// grant.Result) and writes to an io.Writer in a [Format] it is asked for,
// refusing one it does not write; none computes a figure: sums across years
// and a grant's totals come from costing and costing/grant. Amounts are
// formatted from the engine's decimals (already rounded at the engine's
// rounding points) with the currency's number of decimals, so a table shows
// exactly the figures the engine used and its lines add up to its totals.
// Labels come from one glossary (glossary.go) with a text in every language
// for every key; a kind of service's names are in its table (models).
package templates
