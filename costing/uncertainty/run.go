package uncertainty

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
)

// Options are how a study is drawn.
type Options struct {
	Draws   int
	Seed    uint64
	Method  string // models.MethodLHS or models.MethodRandom
	Workers int    // goroutines evaluating draws; 0: one per core. The results do not depend on it.
}

// MaxValues bounds the draws an outcome keeps (figures × years × draws), so
// that a study needs at most about a gigabyte.
const MaxValues = 120_000_000

// Default draws and seed, when neither [uncertainty] nor a flag sets them.
const (
	DefaultDraws = 1000
	DefaultSeed  = 1
)

// Options returns the draws, seed and method the study's [uncertainty]
// sets, or the defaults.
func (st *Study) Options() Options {
	o := Options{Draws: DefaultDraws, Seed: DefaultSeed, Method: models.MethodLHS}
	u := st.Uncertainty
	if u.Draws.Set {
		o.Draws = int(u.Draws.Value.IntPart())
	}
	if u.Seed.Set {
		o.Seed = uint64(u.Seed.Value.IntPart())
	}
	if u.Method.Set {
		o.Method = u.Method.S
	}
	return o
}

// A Figure is a figure whose draws an outcome keeps: a scenario's total, a
// category's or a service's.
type Figure struct {
	Key   string // "total", "category", "service"
	Name  string // the category's code, the service's name
	Title models.Phrase
	Node  costing.NodeID
}

// An Outcome is a study drawn: every draw of every kept figure in every
// year of the horizon, and the draws of the inputs.
type Outcome struct {
	Study   *Study
	Options Options
	Years   []int
	Figures [][]Figure  // per scenario: its total, then each category, then each service
	Samples [][]float64 // per input of Study.Inputs: its value in each draw
	out     [][]float64 // per scenario: figure f, year k, draw i at (f×years + k)×draws + i
}

// Draws returns figure f of scenario s in year index k, one value per draw
// (NaN where it is undefined). The slice is the outcome's own.
func (o *Outcome) Draws(s, f, k int) []float64 {
	n, ny := o.Options.Draws, len(o.Years)
	i := (f*ny + k) * n
	return o.out[s][i : i+n]
}

// Run draws the study: o.Draws draws of every ranged input, each evaluated
// through the projection of every scenario of the study.
func (st *Study) Run(o Options) (*Outcome, error) {
	if o.Draws < 1 || o.Draws > models.MaxDraws {
		return nil, fmt.Errorf("expected from 1 to %d draws, not %d", models.MaxDraws, o.Draws)
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	_, years := st.Results[0].Horizon()
	out := &Outcome{Study: st, Options: o, Years: years}
	for _, r := range st.Results[1:] {
		if _, y := r.Horizon(); fmt.Sprint(y) != fmt.Sprint(years) {
			return nil, fmt.Errorf("the scenarios have different horizons; compare scenarios with the same [projection]")
		}
	}
	figures := 0
	for _, r := range st.Results {
		figures += 1 + len(r.ByCategory) + len(r.Services)
	}
	if n := figures * len(years) * o.Draws; n > MaxValues {
		return nil, fmt.Errorf("%d draws of %d figures over %d years would keep %d values; at most %d draws for these scenarios", o.Draws, figures, len(years), n, MaxValues/(figures*len(years)))
	}
	samples, err := st.sample(o)
	if err != nil {
		return nil, err
	}
	out.Samples = samples
	evs := make([]*evaluator, len(st.Results))
	for s, r := range st.Results {
		evs[s] = st.evaluator(s, r)
		out.Figures = append(out.Figures, evs[s].figures)
		out.out = append(out.out, make([]float64, len(evs[s].figures)*len(years)*o.Draws))
	}
	var wg sync.WaitGroup
	chunk := (o.Draws + o.Workers - 1) / o.Workers
	for w := 0; w < o.Workers; w++ {
		lo, hi := w*chunk, min((w+1)*chunk, o.Draws)
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s, ev := range evs {
				ev.draws(ev.workspace(), samples, lo, hi, out.out[s], o.Draws)
			}
		}()
	}
	wg.Wait()
	return out, nil
}

// sample draws every input's values: probabilities by the method, made
// rank-correlated where [uncertainty] says, through the input's
// distribution, money rounded to the minor unit.
func (st *Study) sample(o Options) ([][]float64, error) {
	u := make([][]float64, len(st.Inputs))
	st.each(o.Workers, func(j int) { u[j] = probabilities(o.Seed, st.Inputs[j].Name, o.Draws, o.Method) })
	if err := st.correlate(u, o.Seed); err != nil {
		return nil, err
	}
	scale := math.Pow(10, float64(st.Results[0].Graph.Decimals))
	st.each(o.Workers, func(j int) {
		in := st.Inputs[j]
		q := distribution(in.Range, in.Value)
		for i, p := range u[j] {
			x := q.Quantile(p)
			if in.Money {
				x = math.Round(x*scale) / scale
			}
			u[j][i] = x
		}
	})
	return u, nil
}

// each runs f for every input, on up to workers goroutines. Each input's
// work is its own, so the results do not depend on how many.
func (st *Study) each(workers int, f func(j int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				f(j)
			}
		}()
	}
	for j := range st.Inputs {
		next <- j
	}
	close(next)
	wg.Wait()
}

// An evaluator draws one scenario of a study: its compiled program and how
// each draw sets the program's leaves in each year.
type evaluator struct {
	prog    *costing.Program
	figures []Figure
	outs    []int // the figures' slots
	years   int
	fixed   []fixedMove
	ranged  []rangedLeaf // set each year: moved by the projection
	once    []rangedLeaf // set once a draw
	paths   []rangedPath
	det     map[string][]float64 // growth path → its index each year, for paths no draw moves
}

// A fixedMove is a leaf without a range that the projection moves: its
// value each year from the decimal projection, or, on a path whose rates
// are drawn, its base value to be indexed.
type fixedMove struct {
	node  costing.NodeID
	slot  int
	year  []float64
	path  int // index into evaluator.paths; -1 when the path's rates are fixed
	base  float64
	money bool
}

// A rangedLeaf is a leaf set from an input's draw, and moved as the
// projection moves it: indexed by its path, or set to a level.
type rangedLeaf struct {
	node  costing.NodeID
	slot  int
	input int
	path  int       // a drawn path's index; -1
	index []float64 // the fixed path's index each year; nil when not on a fixed path
	level []float64 // a level each year, NaN where none is set
	money bool
}

// A rangedPath is a growth path whose rate some input draws in some years.
type rangedPath struct {
	name  string
	rates []float64 // the scenario's rate in each year from the one after the base
	drawn []int     // per year after the base: the input that draws it, or -1
	at    []int     // per year of the horizon: its offset in rates
}

func (st *Study) evaluator(s int, r *costing.Result) *evaluator {
	base, years := r.Horizon()
	ev := &evaluator{years: len(years), det: map[string][]float64{}}
	ev.figures = append(ev.figures, Figure{Key: "total", Title: models.P("total"), Node: r.Total})
	for c, id := range r.ByCategory {
		cat := r.Classification.Categories[c]
		ev.figures = append(ev.figures, Figure{Key: "category", Name: cat.Code, Title: models.Phrase{S: cat.Labels["en"], By: cat.Labels}, Node: id})
	}
	for _, sv := range r.Services {
		ev.figures = append(ev.figures, Figure{Key: "service", Name: sv.Name, Title: sv.Title, Node: sv.Total})
	}
	// Growth paths: their rates by year, and the inputs that draw any.
	rates := r.PathRates()
	pathIndex := map[string]int{}
	for j, in := range st.Inputs {
		for _, py := range in.rates[s] {
			k, ok := pathIndex[py.path]
			if !ok {
				k = len(ev.paths)
				pathIndex[py.path] = k
				p := rangedPath{name: py.path}
				for y := base + 1; y <= years[len(years)-1]; y++ {
					p.rates = append(p.rates, rates[py.path][y].InexactFloat64())
					p.drawn = append(p.drawn, -1)
				}
				for _, y := range years {
					p.at = append(p.at, y-base-1)
				}
				ev.paths = append(ev.paths, p)
			}
			ev.paths[k].drawn[py.year-base-1] = j
		}
	}
	detIndex := func(path string) []float64 {
		if ix, ok := ev.det[path]; ok {
			return ix
		}
		ix := make([]float64, len(years))
		cum := 1.0
		for y := base + 1; y <= years[len(years)-1]; y++ {
			cum *= 1 + rates[path][y].InexactFloat64()
			if k := y - years[0]; k >= 0 {
				ix[k] = cum
			}
		}
		ev.det[path] = ix
		return ix
	}
	// The leaves each draw sets.
	moves := map[costing.NodeID]costing.Move{}
	var drawn, yearly []costing.NodeID
	for _, mv := range r.Moves() {
		moves[mv.Leaf] = mv
	}
	rangedLeaves := map[costing.NodeID]bool{}
	for j, in := range st.Inputs {
		for _, id := range in.leaves[s] {
			rangedLeaves[id] = true
			rl := rangedLeaf{node: id, input: j, path: -1, money: r.Graph.Nodes[id].Money}
			if mv, ok := moves[id]; ok {
				drawnPath, onDrawn := pathIndex[mv.Path]
				switch {
				case mv.Levels != nil:
					rl.level = make([]float64, len(years))
					for k, y := range years {
						rl.level[k] = math.NaN()
						if lv, ok := mv.Levels[y]; ok {
							rl.level[k] = lv.InexactFloat64()
						}
					}
				case onDrawn:
					rl.path = drawnPath
				default:
					rl.index = detIndex(mv.Path)
				}
			}
			if _, moved := moves[id]; moved {
				yearly = append(yearly, id)
				ev.ranged = append(ev.ranged, rl)
			} else {
				drawn = append(drawn, id)
				ev.once = append(ev.once, rl)
			}
		}
	}
	pr := r.Project()
	for _, mv := range r.Moves() {
		if rangedLeaves[mv.Leaf] {
			continue
		}
		yearly = append(yearly, mv.Leaf)
		fm := fixedMove{node: mv.Leaf, path: -1, base: r.Values.D[mv.Leaf].InexactFloat64(), money: r.Graph.Nodes[mv.Leaf].Money}
		if k, ok := pathIndex[mv.Path]; ok && mv.Levels == nil {
			fm.path = k
		}
		for k := range years {
			fm.year = append(fm.year, pr.Values[k].D[mv.Leaf].InexactFloat64())
		}
		ev.fixed = append(ev.fixed, fm)
	}
	wanted := make([]costing.NodeID, len(ev.figures))
	for f, fg := range ev.figures {
		wanted[f] = fg.Node
	}
	ev.prog = r.Graph.CompileYears(r.Values, drawn, yearly, wanted)
	for k := range ev.fixed {
		ev.fixed[k].slot = ev.prog.Slot(ev.fixed[k].node)
	}
	for _, ls := range [][]rangedLeaf{ev.ranged, ev.once} {
		for k := range ls {
			ls[k].slot = ev.prog.Slot(ls[k].node)
		}
	}
	for _, fg := range ev.figures {
		ev.outs = append(ev.outs, ev.prog.Slot(fg.Node))
	}
	return ev
}

// A workspace is one worker's slots, Lanes draws at once, and the indexes
// of the paths whose rates are drawn, each year of each lane.
type workspace struct {
	slots []float64
	index [][]float64 // per drawn path: year k of lane l at k×Lanes + l
}

func (ev *evaluator) workspace() *workspace {
	ws := &workspace{slots: ev.prog.SlotsLanes()}
	for range ev.paths {
		ws.index = append(ws.index, make([]float64, ev.years*costing.Lanes))
	}
	return ws
}

// draws evaluates the draws lo to hi, Lanes at a time, writing the
// figures into out.
func (ev *evaluator) draws(ws *workspace, samples [][]float64, lo, hi int, out []float64, n int) {
	var batch [costing.Lanes]int
	for i := lo; i < hi; i += costing.Lanes {
		for l := range batch {
			batch[l] = min(i+l, hi-1) // a short last batch repeats its last draw
		}
		ev.draw(ws, samples, &batch, out, n)
	}
}

// draw evaluates the draws of batch in every year, lane l being draw
// batch[l], writing the figures into out.
func (ev *evaluator) draw(ws *workspace, samples [][]float64, batch *[costing.Lanes]int, out []float64, n int) {
	const L = costing.Lanes
	for p, path := range ev.paths {
		for l, i := range batch {
			cum, y := 1.0, 0
			for t, rate := range path.rates {
				if j := path.drawn[t]; j >= 0 {
					rate = samples[j][i]
				}
				cum *= 1 + rate
				if y < len(path.at) && path.at[y] == t {
					ws.index[p][y*L+l] = cum
					y++
				}
			}
		}
	}
	s := ws.slots
	for _, rl := range ev.once {
		for l, i := range batch {
			x := samples[rl.input][i]
			if rl.money {
				x = ev.prog.RoundMoney(x)
			}
			s[rl.slot*L+l] = x
		}
	}
	ev.prog.RunDrawLanes(s)
	for k := 0; k < ev.years; k++ {
		for _, fm := range ev.fixed {
			for l := range batch {
				x := fm.year[k]
				if fm.path >= 0 {
					x = fm.base * ws.index[fm.path][k*L+l]
					if fm.money {
						x = ev.prog.RoundMoney(x)
					}
				}
				s[fm.slot*L+l] = x
			}
		}
		for _, rl := range ev.ranged {
			for l, i := range batch {
				x := samples[rl.input][i]
				switch {
				case rl.level != nil:
					if lv := rl.level[k]; lv == lv {
						x = lv
					}
				case rl.path >= 0:
					x *= ws.index[rl.path][k*L+l]
				case rl.index != nil:
					x *= rl.index[k]
				}
				if rl.money {
					x = ev.prog.RoundMoney(x)
				}
				s[rl.slot*L+l] = x
			}
		}
		ev.prog.RunYearLanes(s)
		for f, slot := range ev.outs {
			for l, i := range batch {
				out[(f*ev.years+k)*n+i] = s[slot*L+l]
			}
		}
	}
}
