// Command kosto costs social services and projects municipal budgets from
// TOML scenario files.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// This package is wiring only: it parses the command line (cobra), opens a
// scenario with package scenarios, costs it with package costing, renders it
// with package templates, and maps errors to exit statuses in one place
// (exitCode: 0 success, 1 internal failure, 2 bad input). Every command is a
// RunE over flags held in local variables, writing to the command's injected
// writers, so tests run it in-process (run).
package main
