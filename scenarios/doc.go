// Package scenarios reads kosto's files — scenarios, grant formulas and
// their tables of municipal data (TOML and CSV) — into package models'
// types, and holds the scenarios, economic classifications, formulas and
// data tables shipped with kosto, embedded in the binary.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// It is the only package that imports the TOML decoder. Reading is strict:
// an unknown key is an error (with a "did you mean" suggestion when a known
// key is close), money written as a TOML float is refused, so are nan, inf
// and numbers beyond kosto's bounds, and every problem in a file — and in
// the base files it extends — is reported in one run, each naming the file,
// the line, the key path, the offending value and what was expected. A file
// is looked at before it is parsed: one that is not a regular file, larger
// than [MaxFileSize] or nested deeper than [MaxNesting] is refused without
// reading it into the decoder. The formats are documented in FORMAT.md and
// GRANTS.md beside this file.
//
// A scenario may extend another (extends = "base.toml"): the base is read
// first and the variant's tables are laid over it key by key, which is how a
// user writes a "reform" variant of a "status quo". A base is a relative
// path that stays under the root kosto reads from, or a shipped scenario;
// [LoadSource] reads a scenario that may extend only shipped ones (an
// upload). A data table may be saved by a spreadsheet in any locale:
// separators and decimal marks are found in it, or given (CSVOptions).
package scenarios
