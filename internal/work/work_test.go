package work

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

func TestEachRunsEveryJobOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		runs := make([]atomic.Int32, n)
		if err := Each(n, NoState, func(i int, _ struct{}) error {
			runs[i].Add(1)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for i := range runs {
			if got := runs[i].Load(); got != 1 {
				t.Errorf("n=%d: job %d ran %d times", n, i, got)
			}
		}
	}
}

// A failing job stops nothing: the others still run, and the error comes
// back.
func TestEachRunsAllAndReportsAnError(t *testing.T) {
	const n = 100
	var ran atomic.Int32
	err := Each(n, NoState, func(i int, _ struct{}) error {
		ran.Add(1)
		if i%10 == 3 {
			return fmt.Errorf("job %d", i)
		}
		return nil
	})
	if err == nil {
		t.Fatal("no error")
	}
	if got := ran.Load(); got != n {
		t.Errorf("%d jobs ran, want %d", got, n)
	}
}

// Each worker's state is its own: a job never sees it in use by another.
func TestEachStateIsAWorkers(t *testing.T) {
	type scratch struct{ busy atomic.Bool }
	var made atomic.Int32
	err := Each(10000, func() *scratch { made.Add(1); return new(scratch) }, func(i int, s *scratch) error {
		if !s.busy.CompareAndSwap(false, true) {
			return errors.New("two jobs share a worker's state")
		}
		s.busy.Store(false)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if made.Load() == 0 {
		t.Error("no state made")
	}
	made.Store(0)
	Each(2, func() *scratch { made.Add(1); return new(scratch) }, func(int, *scratch) error { return nil })
	if made.Load() > 2 {
		t.Errorf("%d states made for 2 jobs", made.Load())
	}
}
