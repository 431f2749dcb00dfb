package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// The version comes from what the Go toolchain wrote into the binary.
func TestVersionText(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		want []string
	}{
		{"no build info", nil, []string{"mohinh (devel)\n", "dựng bằng Go go1."}},
		{
			"go run", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			[]string{"mohinh (devel)\ndựng bằng Go go1.26.8, "},
		},
		{
			"go install @v1.2.0", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			[]string{"mohinh v1.2.0\ndựng bằng Go go1.26.8, "},
		},
		{"go build in a checkout with edits", &debug.BuildInfo{
			GoVersion: "go1.26.8",
			Main:      debug.Module{Version: "v0.0.0-20261204124421-507d4c9c5a8f+dirty"},
			Settings: []debug.BuildSetting{
				{Key: "vcs", Value: "git"},
				{Key: "vcs.revision", Value: "507d4c9c5a8f6d2ed55c32ce1651af988ab29d32"},
				{Key: "vcs.time", Value: "2026-12-04T12:44:21Z"},
				{Key: "vcs.modified", Value: "true"},
			},
		}, []string{
			"mohinh v0.0.0-20261204124421-507d4c9c5a8f+dirty\n",
			"\ndựng từ commit 507d4c9c5a8f6d2ed55c32ce1651af988ab29d32 (04/12/2026 12:44 UTC), có sửa đổi chưa commit\n",
		}},
		{"a clean checkout", &debug.BuildInfo{
			Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "507d4c9"},
				{Key: "vcs.modified", Value: "false"},
			},
		}, []string{"mohinh (devel)\ndựng từ commit 507d4c9\n"}},
	} {
		got := versionText(tc.bi)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q does not hold %q", tc.name, got, w)
			}
		}
	}
}
