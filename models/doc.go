// Package models holds kosto's domain types — a costing scenario, its named
// parameters, staff roles, services, municipalities, projection paths and
// transition plan, and a grant formula with its data table — the schema of
// the file formats as data, and their validation.
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
// The schema is data (schema.go): for every table of a scenario file, the
// keys it accepts, what each holds and its default. The kinds of service are
// tables too (kinds.go), each with the [Traits] the engine, validation and
// the reports read instead of naming a kind: adding a kind is adding its
// table ([AddKind] does it for a program that extends kosto).
//
// Every number in a scenario is an [Input]: a literal amount or the name of a
// [Parameter], with the unit, source and date it applies from, and the
// [Position] (file, line, key path) it was written at, so that both validation
// errors and the engine's explanations can point back to where a figure came
// from.
//
// [Scenario.Validate] checks everything the inputs alone show and collects
// every problem into [Problems] rather than stopping at the first: a finance
// officer fixing a scenario file wants the whole list in one run. What only
// the computed figures show is checked on them by costing.Result.Check.
// [Scenario.Warnings] lists what is allowed but worth a reader's attention.
package models
