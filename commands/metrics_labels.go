package commands

// CommandNames is every command's canonical name, as Reply.Command carries
// it, so a transport can create its per-command series at zero at start.
func CommandNames() []string {
	names := make([]string, 0, len(commandTable))
	for _, spec := range commandTable {
		names = append(names, spec.Name)
	}
	return names
}

// Outcomes is every Outcome a Reply can carry.
func Outcomes() []Outcome {
	return []Outcome{OutcomeOK, OutcomeRefused, OutcomeFailed, OutcomeRepeated}
}
