package vi

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// A Key is the collation key of a string: comparing two keys with
// bytes.Compare gives the same answer as Compare on the strings.
//
// It is the CLDR Vietnamese collation key, a zero byte, and the string itself
// to order strings the collation finds equal. The zero reorders nothing: a
// collation key ends with its tertiary level, whose bytes are never zero, so
// where one key is a prefix of another the longer goes on with a non-zero byte.
type Key []byte

// collator is a Vietnamese collate.Collator with its key buffer; a collator
// keeps iteration state, so each one serves one goroutine at a time.
type collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

var collators = sync.Pool{New: func() any {
	// Numeric: "Tổ dân phố 2" before "Tổ dân phố 10", as people count.
	return &collator{c: collate.New(language.Vietnamese, collate.Numeric)}
}}

// Compare returns -1, 0 or +1 as a sorts before, the same as, or after b in
// Vietnamese order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x
// y, tones a secondary difference (none, huyền, hỏi, ngã, sắc, nặng), case a
// tertiary one, and byte order for strings the collation finds equal (NFC and
// NFD spellings, "ủy" and "uỷ" differ only there), so that sorting is total.
//
// Compare returns 0 only for identical strings, and agrees with SortKey.
func Compare(a, b string) int {
	if a == b {
		return 0
	}
	c := collators.Get().(*collator)
	r := c.c.CompareString(lookAlikes(a), lookAlikes(b))
	collators.Put(c)
	if r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// SortKey returns the Key of s, for sorting or indexing many strings
// without comparing them through Compare.
func SortKey(s string) Key {
	c := collators.Get().(*collator)
	k := c.c.KeyFromString(&c.buf, lookAlikes(s))
	key := make(Key, 0, len(k)+1+len(s))
	key = append(append(append(key, k...), 0), s...)
	c.buf.Reset()
	collators.Put(c)
	return key
}

// SortStrings sorts s in Vietnamese order, as Compare orders it, computing
// each collation key once.
func SortStrings(s []string) {
	SortBy(s, func(s string) string { return s })
}

// keyed is an element's collation key, its key string to break ties, and
// its index before sorting.
type keyed struct {
	coll []byte
	key  string
	i    int
}

// arenaChunk is the size of the chunks SortBy copies collation keys into.
const arenaChunk = 64 << 10

// SortBy sorts s stably in Vietnamese order of key(element), as Compare
// orders the keys, calling key and computing its collation once per element.
func SortBy[T any](s []T, key func(T) string) {
	if len(s) < 2 {
		return
	}
	ks := make([]keyed, len(s))
	// The collation keys are copied into chunks of one arena: letting them
	// pile up in c.buf would copy them all each time it outgrows itself.
	var arena []byte
	c := collators.Get().(*collator)
	for i, e := range s {
		k := key(e)
		ck := c.c.KeyFromString(&c.buf, lookAlikes(k))
		if len(arena)+len(ck) > cap(arena) {
			arena = make([]byte, 0, max(arenaChunk, len(ck)))
		}
		n := len(arena)
		arena = append(arena, ck...)
		ks[i] = keyed{arena[n:len(arena):len(arena)], k, i}
		c.buf.Reset()
	}
	collators.Put(c)
	// The index as a last resort makes the order total and the sort stable,
	// without paying for a stable sort's extra moves.
	slices.SortFunc(ks, func(a, b keyed) int {
		if r := bytes.Compare(a.coll, b.coll); r != 0 {
			return r
		}
		if r := strings.Compare(a.key, b.key); r != 0 {
			return r
		}
		return cmp.Compare(a.i, b.i)
	})
	sorted := make([]T, len(s))
	for j, k := range ks {
		sorted[j] = s[k.i]
	}
	copy(s, sorted)
}

// lookAlikes returns s with the Icelandic Ð and ð (U+00D0, U+00F0), which look
// like Đ and đ and get typed for them, replaced by Đ and đ: the collation
// would otherwise file "Ðạ Ròn" under D instead of Đ.
func lookAlikes(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xC3 && (s[i+1] == 0x90 || s[i+1] == 0xB0) {
			return lookAlikeReplacer.Replace(s)
		}
	}
	return s
}

var lookAlikeReplacer = strings.NewReplacer("Ð", "Đ", "ð", "đ")
