package content

import (
	"bytes"
	"slices"
	"strings"
	"unsafe"
)

// textArena packs the text a site keeps for as long as it lives — the
// registrations' texts, bodies, key positions and sort keys — into large
// blocks, one arena per loading core.
//
// Kept one by one, these tens of thousands of small objects share the Go
// heap's spans with the far more numerous short-lived objects of rendering;
// the spans they pin stay part-empty, and at 50,000 registrations that
// fragmentation was ~90 MB of a build's ~480 MB. In blocks larger than the
// heap's small-object sizes they pin nothing but themselves.
//
// A block's bytes are never written again once handed out, and every slice
// it hands out is capped at its length, so an append copies.
type textArena struct {
	size  int // of a block: large enough to be a span of its own
	block []byte
	keys  []keyPosition
}

// newTextArena returns an arena for reading files files: a single file's
// edit in mohinh serve gets small blocks, a whole site large ones.
func newTextArena(files int) *textArena {
	return &textArena{size: min(64<<10, max(4<<10, files*256))}
}

// bytes returns a copy of b in the arena. A nil arena copies on the heap.
func (a *textArena) bytes(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	if a == nil || len(b) > a.size/4 {
		return bytes.Clone(b)
	}
	if cap(a.block)-len(a.block) < len(b) {
		a.block = make([]byte, 0, a.size)
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return a.block[start:len(a.block):len(a.block)]
}

// string returns a copy of s in the arena.
func (a *textArena) string(s string) string {
	if a == nil {
		return strings.Clone(s)
	}
	b := a.bytes(unsafe.Slice(unsafe.StringData(s), len(s)))
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// positions returns a copy of p in the arena.
func (a *textArena) positions(p []keyPosition) []keyPosition {
	if len(p) == 0 {
		return nil
	}
	const block = 2048 // 48 KB
	if a == nil || len(p) > block/4 {
		return append([]keyPosition(nil), p...)
	}
	if cap(a.keys)-len(a.keys) < len(p) {
		a.keys = make([]keyPosition, 0, block)
	}
	start := len(a.keys)
	a.keys = append(a.keys, p...)
	return a.keys[start:len(a.keys):len(a.keys)]
}

// packRegistration moves what a registration keeps into the arena, so
// that nothing it holds points into the file's buffer or the YAML parser's
// strings.
func (a *textArena) packRegistration(g *Registration) {
	for _, s := range []*string{
		&g.Path, &g.Slug, &g.Title, &g.OrganisationID, &g.FieldID, &g.Member,
		&g.Number, &g.Signer, &g.SignerTitle, &g.Novelty, &g.ExpectedResults, &g.titleKey,
	} {
		*s = a.string(*s)
	}
	g.Body.Text = a.bytes(g.Body.Text)
	g.positions = a.positions(g.positions)
	if i := slices.Index(Statuses, g.Status); i >= 0 {
		g.Status = Statuses[i] // the constant's text, not the file's
	} else {
		g.Status = Status(a.string(string(g.Status)))
	}
}
