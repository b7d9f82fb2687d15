// Package templates renders costing results for people and programs: terminal
// tables, Markdown, JSON and CSV, in English or Albanian, and formula trees
// for `kosto explain`.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// Every renderer reads the same costing.Result and writes to an io.Writer;
// none computes a figure. Amounts are formatted from the engine's decimals
// (already rounded at the engine's rounding points) with the currency's
// number of decimals, so a table shows exactly the figures the engine used
// and its lines add up to its totals. Labels come from one glossary
// (glossary.go) with an English and an Albanian text for every key.
package templates
