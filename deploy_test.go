package main

import (
	"os"
	"regexp"
	"testing"
)

// TestDeployFilesAreSafeByDefault reads the shipped deploy files for the
// defaults issue 25 asked for: compose refuses to start without a database
// password, publishes on 127.0.0.1 unless told otherwise and gives the
// read-only container a tmpfs /tmp; Kubernetes replaces pods (Recreate, so
// no old binary writes beside a newer schema) and mounts an emptyDir /tmp.
func TestDeployFilesAreSafeByDefault(t *testing.T) {
	checks := map[string][]string{
		"deploy/docker-compose.yml": {
			`POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?`,
			`DATABASE_URL: postgres://jobsbot:\$\{POSTGRES_PASSWORD:\?`,
			`- "\$\{JOBSBOT_PUBLISH:-127\.0\.0\.1:3000\}:3000"`,
			`read_only: true\n\s+tmpfs:\n\s+- /tmp:`,
			`TMPDIR: /tmp`,
		},
		"deploy/kubernetes/deployment.yaml": {
			`strategy:\n\s+type: Recreate`,
			`readOnlyRootFilesystem: true`,
			`mountPath: /tmp`,
			`- name: tmp\n\s+emptyDir:`,
			`name: TMPDIR\n\s+value: /tmp`,
		},
	}
	for path, patterns := range checks {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range patterns {
			if !regexp.MustCompile(p).Match(text) {
				t.Errorf("%s lacks %s", path, p)
			}
		}
	}
	compose, _ := os.ReadFile("deploy/docker-compose.yml")
	if regexp.MustCompile(`POSTGRES_PASSWORD:-|- "3000:3000"`).Match(compose) {
		t.Error("deploy/docker-compose.yml still defaults the password or publishes on every interface")
	}
}
