package commands_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The core gathers the digest's chart figures (ChartSeries) but does not draw
// them: neither it nor anything it imports may pull in gonum/plot, the font
// rasteriser or an embedded font. Drawing is package bot/digest/chart's, where
// the digest is posted (issue 21).
func TestCoreImportsNoPlottingNorFont(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}|{{join .EmbedFiles \",\"}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	seen := false
	for line := range strings.Lines(string(out)) {
		path, embeds, _ := strings.Cut(strings.TrimSpace(line), "|")
		if path == "jobsbot/commands" {
			seen = true
		}
		for _, banned := range []string{"gonum.org/", "golang.org/x/image/", "jobsbot/bot"} {
			if strings.HasPrefix(path, banned) {
				t.Errorf("package commands depends on %s", path)
			}
		}
		for f := range strings.SplitSeq(embeds, ",") {
			if ext := strings.ToLower(f); strings.HasSuffix(ext, ".ttf") || strings.HasSuffix(ext, ".otf") {
				t.Errorf("%s embeds the font %s", path, f)
			}
		}
	}
	if !seen {
		t.Fatalf("go list did not list jobsbot/commands itself:\n%s", out)
	}
}
