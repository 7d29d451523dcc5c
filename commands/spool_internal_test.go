package commands

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestSpoolKeepsSmallFilesInMemoryAndSpillsLargeOnes: under the limit no
// file is made (TMPDIR may be unusable); over it the bytes go to TMPDIR and
// read back whole; over it with no usable TMPDIR the write says so.
func TestSpoolKeepsSmallFilesInMemoryAndSpillsLargeOnes(t *testing.T) {
	chunk := bytes.Repeat([]byte("가나다,123\n"), 100)
	fill := func(s *spool, n int) ([]byte, error) {
		var want []byte
		for range n {
			if _, err := s.Write(chunk); err != nil {
				return nil, err
			}
			want = append(want, chunk...)
		}
		return want, nil
	}
	readAll := func(t *testing.T, s *spool) []byte {
		t.Helper()
		r, err := s.reader()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o400); err != nil {
		t.Fatal(err)
	}

	t.Run("small, no TMPDIR", func(t *testing.T) {
		t.Setenv("TMPDIR", notADir)
		s := spool{limit: 10 * len(chunk)}
		defer s.Close()
		want, err := fill(&s, 10)
		if err != nil || s.file != nil {
			t.Fatalf("10 chunks under a 10-chunk limit: err %v, file %v; want memory only", err, s.file)
		}
		if got := readAll(t, &s); !bytes.Equal(got, want) || s.size != int64(len(want)) {
			t.Errorf("read back %d bytes (size %d); want %d", len(got), s.size, len(want))
		}
	})
	t.Run("large, TMPDIR", func(t *testing.T) {
		dir := t.TempDir()
		t.Setenv("TMPDIR", dir)
		s := spool{limit: 10 * len(chunk)}
		want, err := fill(&s, 25)
		if err != nil || s.file == nil {
			t.Fatalf("25 chunks over a 10-chunk limit: err %v, file %v; want a file in TMPDIR", err, s.file)
		}
		if got := readAll(t, &s); !bytes.Equal(got, want) || s.size != int64(len(want)) {
			t.Errorf("read back %d bytes (size %d); want %d", len(got), s.size, len(want))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("Close left %d file(s) in TMPDIR", len(left))
		}
	})
	t.Run("large, no TMPDIR", func(t *testing.T) {
		t.Setenv("TMPDIR", notADir)
		s := spool{limit: 10 * len(chunk)}
		defer s.Close()
		if _, err := fill(&s, 25); !errors.Is(err, errSpoolFull) {
			t.Fatalf("over the limit with no TMPDIR: %v; want errSpoolFull", err)
		}
	})
}
