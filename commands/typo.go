package commands

import "strings"

// resemblingCommand returns the command word an unknown first word is one
// letter away from (추기 → 추가, 현항 → 현황, stauts → status), or "". The
// reply then suggests that command rather than putting 추가 in front of
// the typo (review 19: `추가 추기 10 청년`).
func resemblingCommand(word string) string {
	typed := []rune(fold(word))
	if len(typed) < 2 {
		return ""
	}
	for _, s := range commandTable {
		if strings.Contains(s.Name, " ") {
			continue
		}
		for _, w := range s.Words {
			if oneEditApart(typed, []rune(fold(w))) {
				return w
			}
		}
	}
	return ""
}

// oneEditApart reports whether a becomes b by changing, adding or dropping
// exactly one letter (or swapping two neighbours).
func oneEditApart(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		diff := []int{}
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		if len(diff) == 1 {
			return true
		}
		return len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return string(a[i:]) == string(b[i+1:])
	}
	return false
}
