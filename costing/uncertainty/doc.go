// Package uncertainty answers "how sure are we?" about a costed scenario:
// it draws every input that carries a range (models.Range) many times, re-
// evaluates the projection for each draw with the compiled program of the
// calculation graph (costing.Program), and reports the percentiles of each
// year's budget — by category and by service — and, for a base and a
// variant, the probability that the variant costs less, the percentiles of
// the NPV and the distribution of the break-even year. It also swings each
// input from its low to its high with the others at their values (a
// tornado) and finds the value of one input at which a decision flips (a
// switching value), both with the decimal engine.
//
// Like package costing it is pure: no I/O, no clock. Every random number
// comes from a stream seeded by the study's seed and the input it is drawn
// for (math/rand/v2's PCG), so a study gives the same draws, bit for bit,
// whatever the number of workers that evaluate them. Draws are evaluated
// in float64 because their results are percentiles; the deterministic
// figures beside them are the decimal engine's. With every range collapsed
// (low = mode = high) every percentile is the deterministic figure to the
// cent, which the tests check.
//
// The distributions and their quantiles are gonum's (stat/distuv): PERT is
// a Beta over low–high, triangular a Triangle, uniform a Uniform, and
// lognormal a LogNormal whose 5th and 95th percentiles are low and high.
// Sampling is a Latin hypercube by default (each input's draws fall one in
// each of N equal strata of probability, in a random order) or independent
// random draws; rank correlations between inputs are imposed by the
// Iman–Conover method.
package uncertainty
