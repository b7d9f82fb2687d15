// Package scenarios reads kosto scenario files (TOML) into models.Scenario,
// and holds the scenarios and economic classifications shipped with kosto,
// embedded in the binary.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// It is the only package that imports the TOML decoder. Reading is strict:
// an unknown key is an error (with a "did you mean" suggestion when a known
// key is close), money written as a TOML float is refused, and every problem
// in a file — and in the base files it extends — is reported in one run, each
// naming the file, the line, the key path, the offending value and what was
// expected. The format is documented in FORMAT.md beside this file.
//
// A scenario may extend another (extends = "base.toml"): the base is read
// first and the variant's tables are laid over it key by key, which is how a
// user writes a "reform" variant of a "status quo".
package scenarios
