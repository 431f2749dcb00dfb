package serve

import (
	"maps"
	"sync"
)

// store is the built site in memory: serve never writes public/.
type store struct {
	mu    sync.RWMutex
	files map[string][]byte // by slash path relative to the site root
}

func newStore() *store { return &store{files: map[string][]byte{}} }

// get returns the file at name.
func (s *store) get(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	data, ok := s.files[name]
	return data, ok
}

// replace swaps in a whole new build.
func (s *store) replace(files map[string][]byte) {
	s.mu.Lock()
	s.files = files
	s.mu.Unlock()
}

// apply writes some files and removes others, in one step for readers.
func (s *store) apply(write map[string][]byte, remove []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	maps.Copy(s.files, write)
	for _, name := range remove {
		delete(s.files, name)
	}
}

// memWriter collects the files of a render; it is a render.Writer.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemWriter() *memWriter { return &memWriter{files: map[string][]byte{}} }

func (w *memWriter) WriteFile(name string, data []byte) error {
	copied := append([]byte(nil), data...) // the renderer reuses its buffer
	w.mu.Lock()
	w.files[name] = copied
	w.mu.Unlock()
	return nil
}
