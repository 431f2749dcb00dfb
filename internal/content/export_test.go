package content

// What the tests of package content_test reach inside for. They are
// external because they generate sites with internal/corpus, which
// imports content to write what the loader reads.

// SameAsYAML is sameAsYAML (fastyaml_test.go).
var SameAsYAML = sameAsYAML

// RawFrontMatter is rawFrontMatter (fastyaml_test.go).
var RawFrontMatter = rawFrontMatter

// LinkAndValidate is what a rebuild does once every file is read.
func (l *Loader) LinkAndValidate() { l.result() }

// RereadRegistration returns a function that reads and decodes again one
// of the registrations l has read, as serve does for a file that changed.
func (l *Loader) RereadRegistration() func() {
	var f sourceFile
	for _, lf := range l.files {
		if lf.registration != nil {
			f = lf.file
			break
		}
	}
	return func() { readFile(l.fsys, f, nil) }
}
