// Package work runs many independent jobs on all cores. It is the one
// worker pool of the program: rendering the pages, encoding the search
// data and reading the content files are all lists of jobs that share
// nothing but a little scratch space per worker.
package work

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls do(i, s) for every i in [0, n), on one worker per core
// (GOMAXPROCS), and returns when all calls have returned. Jobs are handed
// out in order of i, one at a time, so that a slow job holds up only its own
// worker. Each worker makes its scratch state s once with newState — a
// buffer, an arena — and passes it to every job it runs, never to two jobs
// at once.
//
// Every job runs even after one fails: a caller that keeps results by i
// (a cache of rendered rows) gets all the others. Each returns the first
// error to occur.
func Each[S any](n int, newState func() S, do func(i int, s S) error) error {
	var (
		next     atomic.Int64
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
	)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			s := newState()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := do(i, s); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return firstErr
}

// NoState is the newState of jobs that need no scratch space.
func NoState() struct{} { return struct{}{} }
