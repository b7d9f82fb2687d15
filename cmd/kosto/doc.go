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
// (exitCode: 0 success, 1 internal failure, 2 bad input). A panic is caught
// in one place too (execute): exit status 1 and a one-line request for a bug
// report, the Go stack only with --debug. Output files are written whole or
// not at all (writeFile); Ctrl-C and SIGTERM remove the one being written and
// exit 130 and 143 (main). Every command is a RunE over flags held in local
// variables, writing to the command's injected writers, so tests run it
// in-process (run, or execute with a root of their own).
package main
