package uncertainty

import (
	"hash/fnv"
	"math/rand/v2"

	"github.com/kosto-project/kosto/models"
)

// stream is the random stream of one input in a study: seeded by the
// study's seed and the input's name, so that its draws do not depend on
// which other inputs there are, nor on how many workers evaluate them.
func stream(seed uint64, name string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// probabilities draws n probabilities in (0, 1) for the input name: one in
// each of n equal strata in a random order (a Latin hypercube), or n
// independent ones.
func probabilities(seed uint64, name string, n int, method string) []float64 {
	rng := stream(seed, name)
	u := make([]float64, n)
	if method == models.MethodRandom {
		for i := range u {
			u[i] = open(rng.Float64())
		}
		return u
	}
	perm := rng.Perm(n)
	for i := range u {
		u[i] = open((float64(perm[i]) + rng.Float64()) / float64(n))
	}
	return u
}

// open keeps a probability off 0, where a lognormal's quantile is 0 and a
// Beta's search is at its edge.
func open(p float64) float64 {
	if p <= 0 {
		return 1e-12
	}
	return p
}
