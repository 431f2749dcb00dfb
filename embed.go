// Package mohinh carries the default layouts, so that the binary alone
// builds any site. The program is cmd/mohinh; the packages are in internal/.
package mohinh

import (
	"embed"
	"io/fs"
)

//go:embed layouts
var layouts embed.FS

// DefaultLayouts returns the embedded layouts/ folder.
func DefaultLayouts() fs.FS {
	sub, err := fs.Sub(layouts, "layouts")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return sub
}
