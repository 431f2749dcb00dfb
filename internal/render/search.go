package render

// Search runs in the browser, from files the build writes beside the pages:
//
//   - du-lieu/mo-hinh.json, the registrations table (table.go): what a
//     result shows, and the organisations' and fields' titles, which the
//     browser matches itself (1,429 organisations at 10,000 registrations);
//   - du-lieu/tim-kiem.json, the search index's manifest, and
//     du-lieu/tim-kiem/<n>.json, its shards: every folded word (vi.Fold) of
//     the models' titles, novelty and expected results, with the spellings
//     it was folded from and, for each spelling, the registrations that have
//     it and whether in the title — so that "dang uy ka do" matches
//     "Đảng ủy xã Ka Đô" and "đảng ủy" still ranks the exact spelling first;
//   - du-lieu/chu-viet.json, the folding and slug tables (vitext.go).
//
// The words are sorted and cut into shards of about shardSize bytes; the
// manifest lists the first word of each, so that the browser fetches only
// the shards holding the words of a query (a word, or every word that starts
// with the last one typed, is a contiguous run of shards). Nothing loads
// before the first search.
//
// A registration's number in every file is its position in
// site.Registrations, the order that also breaks ties in ranking (newest
// call first, then organisation, then title).

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/mohinh/mohinh/internal/content"
	"github.com/mohinh/mohinh/internal/vi"
	"github.com/mohinh/mohinh/internal/work"
)

// searchManifest is du-lieu/tim-kiem.json.
type searchManifest struct {
	Registrations int      `json:"registrations"`
	First         []string `json:"first"`  // the first word of each shard
	Shards        []string `json:"shards"` // the URL of each shard
}

// searchShard is one shard, du-lieu/tim-kiem/<n>.json.
//
// Terms are folded words, sorted by UTF-16 code units as JavaScript
// compares strings. Entries[i] belongs to Terms[i]: pairs of a spelling
// (the word in lower case and NFC, as written) and its postings. Postings
// are the registrations that have the spelling, ascending, each written as
// the number (gap-1)<<1 | inTitle, where gap is the distance from the
// previous registration (from -1 for the first), in base-64 digits of five
// bits, low digits first, the sixth bit saying that more digits follow (the
// VLQ of source maps, in the alphabet of base64url).
type searchShard struct {
	Terms   []string   `json:"terms"`
	Entries [][]string `json:"entries"`
}

// shardSize is the size a shard grows to before the next starts: about
// 15 KB once compressed.
const shardSize = 40 << 10

// vlqDigits is the alphabet of the postings: base64url, safe in JSON
// strings without escaping.
const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// buildSearchIndex computes the manifest and its shards; shardURL names
// shard n.
func buildSearchIndex(site *content.Site, shardURL func(n int) string) (searchManifest, []searchShard) {
	// Postings of each spelling, in registration order: ascending.
	type list struct {
		buf  []byte
		prev int
	}
	postings := map[string]*list{}
	add := func(i int, spelling string, inTitle bool) {
		l := postings[spelling]
		if l == nil {
			l = &list{prev: -1}
			postings[spelling] = l
		}
		v := uint64(i-l.prev-1) << 1
		if inTitle {
			v |= 1
		}
		l.buf = appendVLQ(l.buf, v)
		l.prev = i
	}
	// The words of each registration, on all cores, a block at a time so
	// that only one block's words are in memory (at 50,000 registrations
	// all of them would be ~200 MB): its distinct spellings, with whether
	// each is in the title.
	type word struct {
		spelling string
		inTitle  bool
	}
	const block = 1024
	perReg := make([][]word, block)
	for start := 0; start < len(site.Registrations); start += block {
		regs := site.Registrations[start:min(start+block, len(site.Registrations))]
		work.Each(len(regs), work.NoState, func(i int, _ struct{}) error {
			r := regs[i]
			seen := make(map[string]bool, 128)
			words := perReg[i][:0]
			for k, text := range []string{r.Title, r.Novelty, r.ExpectedResults} {
				eachWord(text, func(w []byte) {
					if seen[string(w)] {
						return
					}
					sp := string(w)
					seen[sp] = true
					words = append(words, word{sp, k == 0})
				})
			}
			perReg[i] = words
			return nil
		})
		for i, words := range perReg[:len(regs)] {
			for _, w := range words {
				add(start+i, w.spelling, w.inTitle)
			}
		}
	}
	// Spellings by term.
	forms := map[string][]string{}
	for sp := range postings {
		t := vi.Fold(sp)
		forms[t] = append(forms[t], sp)
	}
	terms := make([]string, 0, len(forms))
	for t := range forms {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, compareUTF16)

	m := searchManifest{Registrations: len(site.Registrations)}
	var shards []searchShard
	size := shardSize // start a shard at the first term
	for _, t := range terms {
		if size >= shardSize {
			m.First = append(m.First, t)
			m.Shards = append(m.Shards, shardURL(len(shards)))
			shards = append(shards, searchShard{})
			size = 0
		}
		sh := &shards[len(shards)-1]
		spellings := forms[t]
		slices.SortFunc(spellings, compareUTF16)
		entry := make([]string, 0, 2*len(spellings))
		for _, sp := range spellings {
			entry = append(entry, sp, string(postings[sp].buf))
			size += len(sp) + len(postings[sp].buf) + 6
		}
		sh.Terms = append(sh.Terms, t)
		sh.Entries = append(sh.Entries, entry)
		size += len(t) + 8
	}
	return m, shards
}

// appendVLQ appends v in the digits of vlqDigits, five bits at a time.
func appendVLQ(b []byte, v uint64) []byte {
	for {
		d := v & 31
		v >>= 5
		if v != 0 {
			d |= 32
		}
		b = append(b, vlqDigits[d])
		if v == 0 {
			return b
		}
	}
}

// searchWords returns the words of s as the search matches them: in NFC
// and lower case (rune by rune, as strings.ToLower), split at every character that is not a letter, a mark or a
// digit, with the apostrophes that a slug drops (vi.Slug: "D'Ran" is
// "dran") removed rather than splitting. The browser splits a query by the
// same rule (assets/vi.js), with the apostrophes from chu-viet.json.
func searchWords(s string) []string {
	var words []string
	eachWord(s, func(w []byte) { words = append(words, string(w)) })
	return words
}

// eachWord calls fn with each word of s, as searchWords splits it; fn must
// not keep the slice.
func eachWord(s string, fn func(word []byte)) {
	drops := slugDropSet()
	s = vi.NFC(s)
	var buf [64]byte
	word := buf[:0]
	flush := func() {
		if len(word) > 0 {
			fn(word)
			word = word[:0]
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				word = append(word, c)
			case 'A' <= c && c <= 'Z':
				word = append(word, c+'a'-'A')
			case drops[rune(c)]:
			default:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r):
			word = utf8.AppendRune(word, unicode.ToLower(r))
		case drops[r]:
		default:
			flush()
		}
	}
	flush()
}

// compareUTF16 orders strings as JavaScript's < does: by UTF-16 code units.
func compareUTF16(a, b string) int {
	if isASCIIOnly(a) && isASCIIOnly(b) {
		return strings.Compare(a, b)
	}
	return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
}

func isASCIIOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// writeSearchData writes the files the browser reads: the registrations
// table, the search index, the text tables and the form's schema.
func writeSearchData(site *content.Site, u URLs, w Writer) error {
	manifest, shards := buildSearchIndex(site, u.SearchShard)
	files := []struct {
		url  string
		data any
	}{
		{u.RegistrationTable(), buildRegistrationTable(site, u)},
		{u.SearchIndex(), manifest},
		{u.TextTables(), textTables()},
		{u.FormSchema(), buildFormSchema(site)},
	}
	for i, sh := range shards {
		files = append(files, struct {
			url  string
			data any
		}{u.SearchShard(i), sh})
	}
	return eachWithBuffer(len(files), func(i int, buf *bytes.Buffer) error {
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(files[i].data); err != nil {
			return err
		}
		return w.WriteFile(u.outputPath(files[i].url), buf.Bytes())
	})
}

// browserJobs are the pages that work in the browser: search, the filtered
// list of registrations and the registration form.
func browserJobs(site *content.Site, urls URLs) []job {
	home := []Link{{"Trang chủ", urls.Home()}}
	newPage := func(title, url, nav string, data any) page {
		return page{Site: site, URLs: urls, Title: title, URL: url, Nav: nav, Crumbs: home, Data: data}
	}
	return []job{
		{"search", urls.Search(), func() page { return newPage("Tìm kiếm", urls.Search(), "tim-kiem", nil) }},
		{"filter", urls.Filter(), func() page { return newPage("Tất cả mô hình", urls.Filter(), "mo-hinh", nil) }},
		{"form", urls.Form(), func() page { return newPage("Đăng ký mô hình", urls.Form(), "dang-ky", formView(site)) }},
	}
}
