package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// release is the version this source is; CHANGELOG.md has a section of the
// same name saying what an operator must do to install it.
const release = "1.14.0"

// version is release unless the build sets it, e.g. for a release candidate:
// go build -ldflags "-X main.version=1.4.0-rc1"; commit is the commit a build
// without VCS data names (the image build has no .git):
// -ldflags "-X main.commit=$(git rev-parse HEAD)". They are variables only
// because -X can set nothing else; nothing assigns them at run time.
var (
	version = release
	commit  = ""
)

// buildInfo is what `jobsbot --version`, the start log and the
// jobsbot_build_info metric report.
type buildInfo struct {
	Version   string
	Commit    string // the VCS revision, "+dirty" when built from changed files; "unknown" without VCS data
	GoVersion string
}

// readBuildInfo reads the commit the Go toolchain stamped into the binary
// (go build inside a git checkout records vcs.revision; it wins over -X).
func readBuildInfo() buildInfo {
	b := buildInfo{Version: version, Commit: "unknown", GoVersion: runtime.Version()}
	if commit != "" {
		b.Commit = commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	var dirty bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty && b.Commit != "unknown" {
		b.Commit += "+dirty"
	}
	return b
}

func (b buildInfo) String() string {
	return fmt.Sprintf("jobsbot %s (commit %s, %s)", b.Version, b.Commit, b.GoVersion)
}
