package models

// Suggest returns the candidate closest to word when it is close enough to be
// a likely typo (edit distance at most 2, or a third of the word for long
// words, and less than the word's length, so that a short word is not
// "corrected" into an unrelated one), and "" otherwise. Of equally close
// candidates the first wins. Like hashicorp/hcl's "Did you mean …?".
func Suggest(word string, candidates []string) string {
	best, bestD := "", -1
	n := len([]rune(word))
	limit := 2
	if l := n / 3; l > limit {
		limit = l
	}
	if limit >= n {
		limit = n - 1
	}
	for _, c := range candidates {
		d := distance(word, c)
		if d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
