package parindex

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"io/fs"
	"strings"
	"testing"
)

// The favicon is an SVG with an ICO beside it for browsers that take no
// SVG icon (issue 13, item 8). The ICO holds PNG images of 16, 32 and 48
// pixels (drawn from the SVG), and every template linking one links both.
func TestFavicon(t *testing.T) {
	b, err := fs.ReadFile(Theme, "static/img/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 6 || binary.LittleEndian.Uint16(b[0:]) != 0 || binary.LittleEndian.Uint16(b[2:]) != 1 {
		t.Fatalf("favicon.ico: not an icon file")
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	var sizes []int
	for i := range n {
		e := b[6+16*i:]
		w := int(e[0])
		if w == 0 {
			w = 256
		}
		size, off := binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		if int(off+size) > len(b) {
			t.Fatalf("favicon.ico: image %d runs past the file", i)
		}
		img, err := png.Decode(bytes.NewReader(b[off : off+size]))
		if err != nil {
			t.Fatalf("favicon.ico: image %d: %v", i, err)
		}
		if r := img.Bounds(); r.Dx() != w || r.Dy() != w {
			t.Errorf("favicon.ico: image %d is %v, its entry says %d", i, r, w)
		}
		// The corners are (nearly: anti-aliased) transparent, the SVG's
		// rounded square.
		if _, _, _, a := img.At(0, 0).RGBA(); a >= 0x8000 {
			t.Errorf("favicon.ico: image %d has an opaque corner", i)
		}
		sizes = append(sizes, w)
	}
	if len(sizes) != 3 || sizes[0] != 16 || sizes[1] != 32 || sizes[2] != 48 {
		t.Errorf("favicon.ico sizes %v, want [16 32 48]", sizes)
	}
	err = fs.WalkDir(Theme, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(Theme, p)
		if err != nil {
			return err
		}
		s := string(src)
		if svg, ico := strings.Count(s, "favicon.svg"), strings.Count(s, "favicon.ico"); svg != ico {
			t.Errorf("%s links favicon.svg %d times and favicon.ico %d times", p, svg, ico)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
