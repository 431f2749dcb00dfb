package content

// Suggestions for a code that is not one: an id, a key, a status or a kind
// written with a typo, a word missing, or in Vietnamese. Every search is
// bounded: values written by hostile hands are compared as cheaply as
// short ones.

import (
	"strings"

	"github.com/mohinh/mohinh/internal/vi"
)

// Closest returns the candidate nearest to s by edit distance, when it is
// near enough to be a likely typo; "" otherwise. An id, a key or a status
// is short: s longer than maxSuggestLen gets no suggestion, and only
// candidates whose length is within the distance are compared, each by a
// distance search that gives up past it, so that a long unknown value
// costs no more than a short one.
//
// Failing that, a candidate is near when its words (between "-", "_" and
// spaces) hold all the words of s, or s holds all of its, and it is the
// only one: "chi-bo-thon-nghia-hiep" for "chi-bo-nghia-hiep",
// "expected_results" for "expected". Only candidates holding the longest
// word of s, or no longer than s and whose first word s holds, are
// compared word by word.
func Closest(s string, candidates []string) string {
	if len(s) > maxSuggestLen {
		return ""
	}
	best, bestDist := "", 3
	if len(s) <= 4 {
		bestDist = 2
	}
	for _, c := range candidates {
		if abs(len(c)-len(s)) >= bestDist {
			continue
		}
		if d := editDistance(s, c, bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != "" {
		return best
	}
	return closestByWords(s, candidates)
}

// maxSuggestLen is the longest value Closest looks for a near candidate of.
const maxSuggestLen = 80

// closestByWords returns the one candidate whose words hold all the words
// of s or are all held by them, when there is exactly one; "". A word of s
// that would match too much alone (fewer than two words, the one shorter
// than four letters) finds nothing.
func closestByWords(s string, candidates []string) string {
	n, longest := 0, ""
	for w := range words(s) {
		n++
		if len(w) > len(longest) {
			longest = w
		}
	}
	if n == 0 || n == 1 && len(longest) < 4 {
		return ""
	}
	found := ""
	for _, c := range candidates {
		if c == s || len(c) > maxSuggestLen {
			continue
		}
		inC := strings.Contains(c, longest) && wordsWithin(s, c, 2)
		inS := !inC && len(c) <= len(s) && strings.Contains(s, firstWord(c)) && wordsWithin(c, s, 2)
		if !inC && !inS {
			continue
		}
		if found != "" && found != c {
			return "" // more than one: a guess
		}
		found = c
	}
	return found
}

// firstWord returns the first word of s.
func firstWord(s string) string {
	for w := range words(s) {
		return w
	}
	return s
}

// words yields the words of s: runs between "-", "_" and spaces.
func words(s string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			i := strings.IndexAny(s, "-_ ")
			w := s
			if i >= 0 {
				w, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			if w != "" && !yield(w) {
				return
			}
		}
	}
}

// wordsWithin reports whether every word of a is a word of b, and a has at
// least min words or one of four letters or more.
func wordsWithin(a, b string, min int) bool {
	n, long := 0, false
	for w := range words(a) {
		n++
		long = long || len(w) >= 4
		in := false
		for x := range words(b) {
			if x == w {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return n >= min || n == 1 && long
}

// A choice is a code a value may take and its names in Vietnamese.
type choice struct {
	code  string
	names []string
}

// closestChoice returns the code s most likely means: one s is a near
// typo of (Closest), or one whose Vietnamese name s writes, with or
// without tone marks, in part or with a typo ("Đã hoàn thành" and
// "hoan thanh" for completed, "tinh_moi" for novelty, "Tên mô hình" for
// title). byName reports the latter: a message then says what the code
// means. Bounded as Closest is.
func closestChoice(s string, choices []choice) (code string, byName bool) {
	if len(s) > maxSuggestLen {
		return "", false
	}
	codes := make([]string, len(choices))
	for i, c := range choices {
		codes[i] = c.code
	}
	if best := Closest(s, codes); best != "" {
		return best, false
	}
	folded := vi.Slug(s)
	if folded == "" {
		return "", false
	}
	var names []string
	owner := map[string]string{} // a name's slug → its code
	for _, c := range choices {
		if slug := strings.ReplaceAll(c.code, "_", "-"); slug == folded {
			return c.code, false
		}
		for _, name := range c.names {
			slug := vi.Slug(name)
			if slug == "" {
				continue
			}
			if slug == folded {
				return c.code, true
			}
			if other, ok := owner[slug]; !ok || other == c.code {
				owner[slug] = c.code
				names = append(names, slug)
			}
		}
	}
	if best := Closest(folded, names); best != "" {
		return owner[best], true
	}
	return "", false
}

// suggest is the end of a message about an unknown code: the code meant,
// and what it means when it was found by its Vietnamese name.
func suggest(code, label string, byName bool) string {
	if byName && label != "" {
		return " — có phải \"" + code + "\" (" + label + ")?"
	}
	return " — có phải \"" + code + "\"?"
}

func abs(n int) int { return max(n, -n) }

// editDistance is the Levenshtein distance between a and b, in bytes, or
// limit when it is at least limit (the search stops as soon as every
// path costs that much).
func editDistance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// suggestion returns " — có phải "x"?" for the closest candidate, or "".
func suggestion(s string, candidates []string) string {
	if best := Closest(s, candidates); best != "" {
		return " — có phải \"" + best + "\"?"
	}
	return ": hãy kiểm tra lại mã."
}
