// Package grant divides a grant among municipalities by a formula
// (docs/METHOD.md §10; the file format is scenarios/GRANTS.md).
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → costing/grant → templates → cmd
//
// Package scenarios reads a formula (models.Formula), its table of
// municipal data (models.DataTable) and, for a cost-based pot, the scenario
// whose costed need is the pot; package costing costs that scenario. This
// package computes the grant from them: [Allocate] returns a [Result] that
// templates renders. Like costing, it does no I/O and reads no clock; unlike
// costing, it has no graph of its own: a grant is exact decimal arithmetic
// over the table's values. costing does not import it.
//
// [Allocate] goes through the formula in the order a reader would check it
// by hand, one step each:
//
//  1. the rows: the municipalities of the table the grant is for;
//  2. for a cost-based pot, each municipality of the table paired with the
//     scenario's, and the scenario's figures the formula names read as
//     columns (scenario.qps.caseload.cases) of the grant's copy of the
//     table;
//  3. the criteria: each indicator read and transformed, and its total;
//  4. the formula shares, Σ weight × indicator ÷ Σ indicator;
//  5. population, children, need and the baseline;
//  6. the lump sums and the pot;
//  7. the split ([Split]): floors, caps, hold-harmless and rounding, so
//     that the allocations sum to the pot exactly;
//  8. each municipality's per-capita, per-child, change and gap columns;
//  9. the summary lines: extremes per capita, the Gini coefficient,
//     gainers and losers, unmet need; and the notes on sources and
//     fallbacks.
//
// Every problem of the formula against its data is reported as
// models.Problems naming the file, line and key or column, all of them in
// one run; [Options.Read] carries the problems found reading the formula,
// so that those and these are returned together.
//
// A figure taken from the scenario's graph — each municipality's need and,
// with baseline = "total", its baseline — keeps the nodes it was read from
// ([Row.NeedFigures], [Row.BaselineFigures]) in the costed scenario
// ([Result.Scenario]), so that a reader can ask kosto explain where it came
// from; the cost-based pot is the sum of the needs. A figure the scenario
// leaves undefined (a division by zero) is a problem, never 0.
//
// [Split] is the arithmetic alone, over plain numbers: the pot, the shares,
// the lump sums and the rules, without names of columns or files. Tests and
// benchmarks build one directly.
package grant
