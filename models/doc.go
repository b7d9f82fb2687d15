// Package models holds kosto's domain types — a costing scenario, its named
// parameters, staff roles, services and municipalities — and their validation.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// Package scenarios decodes TOML files into these types; package costing turns
// a validated [Scenario] into a calculation graph. models imports only the
// standard library and shopspring/decimal: it knows nothing of TOML, files or
// rendering.
//
// Every number in a scenario is an [Input]: a literal amount or the name of a
// [Parameter], with the unit, source and date it applies from, and the
// [Position] (file, line, key path) it was written at, so that both validation
// errors and the engine's explanations can point back to where a figure came
// from.
//
// [Scenario.Validate] collects every problem it finds into [Problems] rather
// than stopping at the first: a finance officer fixing a scenario file wants
// the whole list in one run.
package models
