// Package costing is kosto's engine: it turns a validated scenario into a
// calculation graph and evaluates it with decimals. It does no I/O and reads
// no clock.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// Every figure kosto reports is a [Node] of a [Graph]. A node is one
// operation (sum, difference, product, quotient, round-up, maximum, annuity)
// over other nodes, or a leaf: a scenario parameter, a literal written in the
// scenario, a default of the format or a constant. Nodes are appended in
// dependency order, so evaluating the graph is one forward pass over a slice
// of decimals; re-evaluating it with changed leaves (sensitivity and
// uncertainty analysis) costs that one pass and no allocation beyond the
// values.
//
// One definition of each operation serves every use: [Graph.Eval] computes
// it, [Graph.Formula] writes it for people ("allowance × children") and for
// spreadsheets ("ROUND(B4*B5,2)"), and [Explain] walks a figure back to the
// parameters it came from. There is no second copy of a formula anywhere.
//
// # Rounding
//
// Rounding happens in one place, [Graph.Eval], by one rule: a node whose
// value is money is rounded to the currency's minor unit (models.Currencies)
// half away from zero, like Excel's ROUND, and every figure computed from it
// uses the rounded value. Non-money figures (hours, FTE, shares, attendance
// days) are never rounded; whole posts are FTE rounded up. So every amount a
// report shows is the amount used downstream: annual lines are rounded
// unit-cost blocks times volumes, and totals are sums of rounded lines, which
// is why every table adds up to the cent, and why a spreadsheet that rounds
// at the same nodes gives the same figures.
package costing
