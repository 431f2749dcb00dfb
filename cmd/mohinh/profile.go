package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes a CPU profile to $MOHINH_CPUPROFILE and, when the
// command ends, a heap profile to $MOHINH_MEMPROFILE, for measuring a whole
// process as docs/performance.md does. The returned function stops them.
func startProfiles(stderr io.Writer) (stop func()) {
	cpu, mem := os.Getenv("MOHINH_CPUPROFILE"), os.Getenv("MOHINH_MEMPROFILE")
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "mohinh: MOHINH_CPUPROFILE: %v\n", err)
		} else {
			cpuFile = f
		}
	}
	if mem != "" {
		runtime.MemProfileRate = 64 << 10
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if mem != "" {
			f, err := os.Create(mem)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(stderr, "mohinh: MOHINH_MEMPROFILE: %v\n", err)
			}
		}
	}
}
