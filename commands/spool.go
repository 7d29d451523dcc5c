package commands

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// spoolMemory is how much of an export is held in memory before it goes to
// a temporary file: a year's report workbook is well under it, so the usual
// `/jobs export` needs no writable filesystem at all (read-only containers);
// a decade of entries, tens of megabytes, would not fit the bot's memory
// budget and goes to TMPDIR (the deploy files mount one: an emptyDir in
// Kubernetes, a tmpfs in compose).
const spoolMemory = 8 << 20

// errSpoolFull is an export larger than spoolMemory with no writable TMPDIR.
var errSpoolFull = errors.New("export larger than memory allows and no writable temporary directory (TMPDIR)")

// spool collects an export whose size Slack's upload must know before it
// starts: in memory while it is small, in a temporary file beyond that.
type spool struct {
	limit int // bytes held in memory before TMPDIR is used; spoolMemory in production
	mem   bytes.Buffer
	file  *os.File
	size  int64
}

func (s *spool) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) > s.limit {
		f, err := os.CreateTemp("", "jobsbot-export-*")
		if err != nil {
			return 0, fmt.Errorf("%w: %w", errSpoolFull, err)
		}
		s.file = f
		if _, err := s.mem.WriteTo(f); err != nil {
			return 0, err
		}
	}
	var n int
	var err error
	if s.file != nil {
		n, err = s.file.Write(p)
	} else {
		n, err = s.mem.Write(p)
	}
	s.size += int64(n)
	return n, err
}

// reader returns the whole export from its start.
func (s *spool) reader() (io.Reader, error) {
	if s.file == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return s.file, nil
}

// Close removes the temporary file, if there is one.
func (s *spool) Close() error {
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	if rerr := os.Remove(s.file.Name()); err == nil {
		err = rerr
	}
	return err
}
