package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"sync"
	"time"
)

// A part of an office file that is the same in every file — the styles,
// the settings, the relationships — is compressed once per process and
// copied into each file as it is: the portal writes a Word file per
// registration, and compressing the same few kilobytes tens of thousands
// of times cost more than writing the documents themselves. The part is
// compressed as archive/zip would (flate level 5).
type cachedPart struct {
	data []byte // deflated
	crc  uint32
	size uint64 // uncompressed
}

var cachedParts sync.Map // text → *cachedPart

func compressedPart(text string) *cachedPart {
	if p, ok := cachedParts.Load(text); ok {
		return p.(*cachedPart)
	}
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, 5) // archive/zip's level; 5 is valid
	fw.Write([]byte(text))
	fw.Close()
	p := &cachedPart{data: b.Bytes(), crc: crc32.ChecksumIEEE([]byte(text)), size: uint64(len(text))}
	actual, _ := cachedParts.LoadOrStore(text, p)
	return actual.(*cachedPart)
}

// writeStaticPart writes text as the part name of z, from the cache.
func writeStaticPart(z *zip.Writer, name, text string, modified time.Time) error {
	p := compressedPart(text)
	w, err := z.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, Modified: modified,
		CRC32: p.crc, CompressedSize64: uint64(len(p.data)), UncompressedSize64: p.size,
	})
	if err != nil {
		return err
	}
	_, err = w.Write(p.data)
	return err
}

// writePart compresses text as the part name of z: a part of this file's
// own.
func writePart(z *zip.Writer, name, text string, modified time.Time) error {
	w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text)
	return err
}

// fastFlate is the compressor of the parts each file has of its own: the
// fastest level, from a pool, since a build writes tens of thousands of
// them and a text of a few pages gains little from a slower one.
var fastFlate = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

type pooledFlate struct{ fw *flate.Writer }

func (p *pooledFlate) Write(b []byte) (int, error) { return p.fw.Write(b) }

func (p *pooledFlate) Close() error {
	err := p.fw.Close()
	fastFlate.Put(p.fw)
	p.fw = nil
	return err
}

// newOfficeZip is a zip writer for an office file, compressing with
// fastFlate.
func newOfficeZip(w io.Writer) *zip.Writer {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw := fastFlate.Get().(*flate.Writer)
		fw.Reset(w)
		return &pooledFlate{fw}, nil
	})
	return z
}
