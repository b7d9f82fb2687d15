package uncertainty

// Spearman is spearman, for the tests.
var Spearman = spearman

// ProgramRun returns a function that runs scenario s's program once, over
// costing.Lanes draws.
func (st *Study) ProgramRun(s int) func() {
	ev := st.evaluator(s, st.Results[s])
	ws := ev.workspace()
	return func() { ev.prog.RunDrawLanes(ws.slots); ev.prog.RunYearLanes(ws.slots) }
}
