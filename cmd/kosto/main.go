// Command kosto costs social services and projects municipal budgets from
// TOML scenario files. It is wiring only: every computation is in package
// costing, every rendering in package templates.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
