package content

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

// JPEG segments: a JPEG is SOI (FF D8), then segments, each a marker (FF
// xx) and a big-endian length that counts itself, up to SOS (FF DA), after
// which the entropy-coded image runs to EOI. The metadata lives in APPn
// segments before SOS: Exif (with its GPS IFD) in APP1, Photoshop's IPTC in
// APP13.

const (
	markerSOS   = 0xDA
	markerEOI   = 0xD9
	markerAPP1  = 0xE1
	markerAPP13 = 0xED
	tagGPSIFD   = 0x8825
	maxSegments = 1024 // bounds the scan of a hostile file
	exifHeader  = "Exif\x00\x00"
)

// nextSegment reads the next marker and the length of its payload, after
// any fill bytes (FF). Markers without a payload give a length of 0.
func nextSegment(r *bufio.Reader) (marker byte, n int, err error) {
	b, err := r.ReadByte()
	if err != nil {
		return 0, 0, err
	}
	if b != 0xFF {
		return 0, 0, fmt.Errorf("no marker where a segment should start")
	}
	for b == 0xFF {
		if b, err = r.ReadByte(); err != nil {
			return 0, 0, err
		}
	}
	if b == 0x01 || b >= 0xD0 && b <= 0xD9 { // TEM, RSTn, SOI, EOI
		return b, 0, nil
	}
	var l [2]byte
	if _, err := io.ReadFull(r, l[:]); err != nil {
		return 0, 0, err
	}
	size := int(binary.BigEndian.Uint16(l[:]))
	if size < 2 {
		return 0, 0, fmt.Errorf("segment length %d", size)
	}
	return b, size - 2, nil
}

// JPEGHasGPS reports whether the JPEG r, positioned after its first two
// bytes (FF D8) or at them, carries GPS coordinates: an Exif segment whose
// first IFD points to a GPS IFD (tag 0x8825). It reads the segment headers
// up to the image data, and no more.
func JPEGHasGPS(r *bufio.Reader) (bool, error) {
	if err := skipSOI(r); err != nil {
		return false, err
	}
	for range maxSegments {
		marker, n, err := nextSegment(r)
		if err != nil {
			return false, err
		}
		if marker == markerSOS || marker == markerEOI {
			return false, nil
		}
		if marker != markerAPP1 {
			if _, err := r.Discard(n); err != nil {
				return false, err
			}
			continue
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(r, payload); err != nil {
			return false, err
		}
		if exifHasGPS(payload) {
			return true, nil
		}
	}
	return false, fmt.Errorf("more than %d segments", maxSegments)
}

func skipSOI(r *bufio.Reader) error {
	head, err := r.Peek(2)
	if err != nil {
		return err
	}
	if head[0] == 0xFF && head[1] == 0xD8 {
		r.Discard(2)
	}
	return nil
}

// exifHasGPS reports whether an APP1 payload is Exif whose IFD0 has the
// GPS IFD pointer.
func exifHasGPS(p []byte) bool {
	tiff, ok := bytes.CutPrefix(p, []byte(exifHeader))
	if !ok || len(tiff) < 8 {
		return false
	}
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return false
	}
	off := int(order.Uint32(tiff[4:8]))
	if off < 8 || off+2 > len(tiff) {
		return false
	}
	count := int(order.Uint16(tiff[off:]))
	for i := range count {
		e := off + 2 + 12*i
		if e+12 > len(tiff) {
			return false
		}
		if order.Uint16(tiff[e:]) == tagGPSIFD {
			return true
		}
	}
	return false
}

// StripJPEGMetadata copies the JPEG src to dst without its Exif and other
// APP1 segments (XMP may hold coordinates too) and its APP13 (IPTC)
// segments. Every other byte is copied as it is: the image is not encoded
// again, so its pixels stay the same. removed counts the segments dropped.
func StripJPEGMetadata(dst io.Writer, src io.Reader) (removed int, err error) {
	r := bufio.NewReader(src)
	var soi [2]byte
	if _, err := io.ReadFull(r, soi[:]); err != nil {
		return 0, err
	}
	if soi != [2]byte{0xFF, 0xD8} {
		return 0, fmt.Errorf("not a JPEG")
	}
	if _, err := dst.Write(soi[:]); err != nil {
		return 0, err
	}
	for range maxSegments {
		marker, n, err := nextSegment(r)
		if err != nil {
			return removed, err
		}
		if marker == markerAPP1 || marker == markerAPP13 {
			removed++
			if _, err := r.Discard(n); err != nil {
				return removed, err
			}
			continue
		}
		header := []byte{0xFF, marker}
		if n > 0 || marker != 0x01 && (marker < 0xD0 || marker > 0xD9) {
			header = append(header, byte((n+2)>>8), byte(n+2))
		}
		if _, err := dst.Write(header); err != nil {
			return removed, err
		}
		if _, err := io.CopyN(dst, r, int64(n)); err != nil {
			return removed, err
		}
		if marker == markerSOS || marker == markerEOI {
			_, err := io.Copy(dst, r) // the image data, as it is
			return removed, err
		}
	}
	return removed, fmt.Errorf("more than %d segments", maxSegments)
}
