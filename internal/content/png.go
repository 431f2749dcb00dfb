package content

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
)

// PNG chunks: a PNG is its signature, then chunks, each a big-endian
// length, a four-letter type, the data and a CRC of type and data, up to
// IEND. Exif, with its GPS IFD, lives in an eXIf chunk (PNG 1.5); text
// chunks (tEXt, zTXt, iTXt) may carry XMP or Exif written as text, which
// can hold coordinates too.

const pngSignature = "\x89PNG\r\n\x1a\n"

// maxPNGChunk is the largest chunk read into memory to look inside: an
// eXIf chunk is a few kilobytes; the image data (IDAT) is skipped unread.
const maxPNGChunk = 1 << 20

// pngChunk reads the next chunk's length and type.
func pngChunk(r *bufio.Reader) (typ string, n uint32, err error) {
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return "", 0, err
	}
	n = binary.BigEndian.Uint32(head[:4])
	if n > 1<<31-1 {
		return "", 0, errors.New("độ dài khối PNG không hợp lệ")
	}
	return string(head[4:]), n, nil
}

// PNGHasGPS reports whether the PNG r, positioned at its signature,
// carries GPS coordinates: an eXIf chunk whose first IFD points to a GPS
// IFD (tag 0x8825), or a text chunk naming GPS data (XMP's exif:GPS…,
// Exif as text). It reads the chunks up to the image data, and no more.
func PNGHasGPS(r *bufio.Reader) (bool, error) {
	var sig [8]byte
	if _, err := io.ReadFull(r, sig[:]); err != nil || string(sig[:]) != pngSignature {
		return false, errors.New("không phải tệp PNG")
	}
	for {
		typ, n, err := pngChunk(r)
		if err != nil {
			return false, err
		}
		switch {
		case typ == "IDAT" || typ == "IEND":
			return false, nil // metadata after the image is rare; we stop where the pixels start
		case (typ == "eXIf" || isPNGText(typ)) && n <= maxPNGChunk:
			data := make([]byte, n)
			if _, err := io.ReadFull(r, data); err != nil {
				return false, err
			}
			if typ == "eXIf" && exifHasGPS(append([]byte(exifHeader), data...)) || isPNGText(typ) && textHasGPS(data) {
				return true, nil
			}
			n = 0
		}
		if _, err := r.Discard(int(n) + 4); err != nil { // the data left and the CRC
			return false, err
		}
	}
}

// isPNGText reports whether typ is one of PNG's text chunks.
func isPNGText(typ string) bool { return typ == "tEXt" || typ == "zTXt" || typ == "iTXt" }

// textHasGPS reports whether a text chunk names GPS data: XMP's
// exif:GPSLatitude, or ImageMagick's "Raw profile type exif", which is Exif
// written in hexadecimal. A compressed text is not read; it is dropped by
// StripPNGMetadata all the same.
func textHasGPS(data []byte) bool {
	return bytes.Contains(data, []byte("GPSLatitude")) || bytes.Contains(data, []byte("GPSLongitude")) ||
		bytes.HasPrefix(data, []byte("Raw profile type exif\x00")) || bytes.HasPrefix(data, []byte("Raw profile type APP1\x00"))
}

// StripPNGMetadata copies the PNG src to dst without its eXIf and text
// chunks. Every other chunk is copied byte for byte, CRC included: the
// image is not encoded again. removed counts the chunks dropped.
func StripPNGMetadata(dst io.Writer, src io.Reader) (removed int, err error) {
	r := bufio.NewReader(src)
	var sig [8]byte
	if _, err := io.ReadFull(r, sig[:]); err != nil || string(sig[:]) != pngSignature {
		return 0, errors.New("không phải tệp PNG")
	}
	if _, err := dst.Write(sig[:]); err != nil {
		return 0, err
	}
	for {
		typ, n, err := pngChunk(r)
		if err != nil {
			return removed, err
		}
		if typ == "eXIf" || isPNGText(typ) {
			if _, err := r.Discard(int(n) + 4); err != nil {
				return removed, err
			}
			removed++
			continue
		}
		var head [8]byte
		binary.BigEndian.PutUint32(head[:4], n)
		copy(head[4:], typ)
		if _, err := dst.Write(head[:]); err != nil {
			return removed, err
		}
		if _, err := io.CopyN(dst, r, int64(n)+4); err != nil {
			return removed, err
		}
		if typ == "IEND" {
			return removed, nil
		}
	}
}
