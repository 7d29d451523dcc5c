package commands

import (
	"context"
	"errors"
	"jobsbot/commands/numbers"
	"jobsbot/commands/reasons"
	"reflect"
	"time"
)

// labelGiven is a label's first value on a line, as typed.
type labelGiven struct {
	key, value string
}

// labelAgain refuses a label given a second time with another value
// (사업:노인 사업:청년, 상태:채용 상태:약정): each option keeps one value, so
// the later one silently replaced the earlier and `목표 1,600 사업:청년
// 사업:노인` cut 노인's target (review r13 S8). The same value twice (or
// two spellings of one value: 상태:채용 status:realised) is one. 부서: is
// compared later, by department, since an alias names the same one;
// 별칭: lists names and adds each.
func labelAgain(cmd *Command, given map[string]labelGiven, canonical, key, value string, today time.Time) error {
	if canonical == "dept" || canonical == "aliases" {
		return nil
	}
	first, again := given[canonical]
	if !again {
		given[canonical] = labelGiven{key: key, value: value}
		return nil
	}
	a, b := Command{Name: cmd.Name}, Command{Name: cmd.Name}
	errA := setOption(&a, canonical, first.value, today)
	errB := setOption(&b, canonical, value, today)
	if errA == nil && errB == nil && reflect.DeepEqual(a.Opts, b.Opts) {
		return nil
	}
	return usageErr(cmd.Name, "k45.label_twice", "Key", first.key, "First", first.value, "Second", value)
}

// sameDepartmentTwice checks a line's 부서: given more than once: names of
// one department (its name and an alias) are one, kept as the first; two
// departments are refused as parse.two_departments says (review r13 A13).
func (s *Service) sameDepartmentTwice(ctx context.Context, cmd *Command) *Reply {
	if len(cmd.deptAlso) == 0 {
		return nil
	}
	depts, err := s.store.Departments(ctx)
	if err != nil {
		r := s.storageFailure(ctx, cmd.Name, err)
		return &r
	}
	first, ok := findDepartment(depts, cmd.Opts.Department)
	for _, other := range cmd.deptAlso {
		d, found := findDepartment(depts, other)
		if !ok || !found || d.Name != first.Name {
			r := s.refuse(cmd.Name, s.msg("parse.two_departments", "First", cmd.Opts.Department, "Second", other))
			return &r
		}
	}
	cmd.deptAlso = nil
	return nil
}

// shortTail says err refuses a count as CountShortTail (천5, 1천2): a
// number whichever way it is read, so it is refused as one even when it
// starts with the unit word, never passed over as a program's word.
func shortTail(err error) bool {
	var ne *numbers.Error
	return errors.As(err, &ne) && ne.Reason == reasons.CountShortTail
}
