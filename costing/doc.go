// Package costing is kosto's engine: it turns a validated scenario into a
// calculation graph, evaluates it with decimals, projects it over the years
// of its horizon and checks what only its figures show. It does no I/O and
// reads no clock. Grants, which are arithmetic over a table rather than a
// graph, are in package costing/grant beside it.
//
// Place in the data flow:
//
//	TOML → scenarios → models → costing → templates → cmd
//
// Every figure kosto reports is a [Node] of a [Graph]. A node is one
// operation (sum, difference, product, quotient, round-up, maximum,
// minimum, annuity) over other nodes, or a leaf: a scenario parameter, a
// literal written in the scenario, a default of the format or a constant.
// Nodes are appended in dependency order, so evaluating the graph is one
// forward pass over a slice of decimals; re-evaluating it with changed
// leaves costs that one pass — or, with [Graph.EvalReached], only the nodes
// the changed leaves reach, which is how a projection evaluates each year
// and the occupancy curve each occupancy. Both go through one evaluator.
//
// One definition of each operation serves every use: [Graph.Eval] computes
// it, [Graph.Formula] writes it for people ("allowance × children") and for
// spreadsheets ("ROUND(B4*B5,2)"), and [Explain] walks a figure back to the
// parameters it came from. There is no second copy of a formula anywhere.
// What a report derives across years — a transition's freed and reassigned
// amounts ([TransitionResult.Year]), a comparison's difference, running sum,
// NPV and break-even year ([Compare]) — is derived here from the nodes'
// values, not by the renderers.
//
// The engine names no kind of service: how a service is costed — unit-first
// (family care) or by its measures (every service with premises or a team)
// — and what it is to a transition plan or a central cost are its kind's
// traits in package models (models/kinds.go).
//
// [Build] costs a scenario that has passed validation; [Result.Check]
// reports what only the figures show — a role without productive weeks,
// and, year by year, a transition plan that sends away more children than a
// service has or closes a unit with children in it, or a service filled
// beyond its beds; [Cost] validates, builds and checks.
//
// # Drawing the graph many times
//
// An uncertainty analysis (package costing/uncertainty) evaluates the graph
// thousands of times with drawn inputs. [Graph.Compile] turns the nodes it
// needs into a [Program] of float64 operations over a slot array, run
// without allocating, eight draws at a time; it rounds where Eval rounds,
// and tests hold it to the decimal evaluator within 1e-9 relative and to
// the cent. Its results are percentiles; every figure a report prints as
// the scenario's is still the decimal evaluator's.
//
// # Rounding
//
// Rounding happens in one place by one rule, [Graph.RoundMoney]: a node
// whose value is money is rounded to the currency's minor unit
// (models.Currencies) half away from zero, like Excel's ROUND, and every
// figure computed from it uses the rounded value; a money quotient is
// rounded once from the exact quotient. Non-money figures (hours, FTE,
// shares, attendance days) are never rounded; whole posts are FTE rounded
// up. So every amount a report shows is the amount used downstream: annual
// lines are rounded unit-cost blocks times volumes, and totals are sums of
// rounded lines, which is why every table adds up to the cent, and why a
// spreadsheet that rounds at the same nodes gives the same figures. The
// method is docs/METHOD.md.
package costing
