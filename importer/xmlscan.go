package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"jobsbot/commands/i18n"
	"jobsbot/commands/numbers"
)

// maxXMLRun is the most bytes of text one cell of a workbook may hold in
// its XML (a shared string, or a sheet cell's value, formula and inline
// string together): a cell of MaxCellChars characters, each escaped at
// worst as a 6-byte entity, and room to spare. It bounds a tag with its
// attributes too. excelize reads a cell's text whole, so a longer one is
// refused before excelize opens the file: a 31 MiB cell cost 222 MB of
// heap.
const maxXMLRun = 6*MaxCellChars + 16<<10

// maxSheets is the most <sheet> elements a workbook may declare, and
// maxRelationships the most <Relationship> elements one relationships part
// may hold: excelize's open matches every sheet against every relationship
// of the workbook and takes no context (40,000 of each, a 409 KB file, took
// 23 s of CPU past any deadline). A ledger workbook has a handful of each.
const (
	maxSheets        = 64
	maxRelationships = 1_000
)

// cellsPerRow is what Limits.Cells allows a row on average: an entries
// sheet has 20 columns, a report or template about 18.
const cellsPerRow = 32

// checkParts streams every part of a workbook, whatever its name, before
// excelize opens it (excelize reads a sheet at whatever name the workbook's
// relationships give it, sheet1.bin as well as sheet1.xml), except a part
// whose first byte no XML document can start with (an image: PNG, JPEG,
// EMF…; encoding/xml refuses it, so excelize cannot read it as a part),
// and refuses the workbook when
//   - one cell's text (between the start of its <c> or <si> and its end,
//     every <t> of a rich-text cell and CDATA counted; or, outside cells,
//     any text between two tags) or one tag is longer than maxXMLRun bytes;
//   - a part holds more than l.Cells shared strings (<si>) or cells (<c>):
//     excelize unmarshals the whole shared-strings table the first time a
//     row refers to it (1.8 million tiny strings, a 76 KB file, took 231 MB
//     of heap and most of a minute);
//   - the workbook declares more than maxSheets sheets, or a part holds more
//     than maxRelationships relationships.
//
// It holds no more than a small buffer per part, stops when ctx ends, and
// checks nothing when the parts unzip past l.UnzippedBytes (excelize then
// refuses the file) or the zip cannot be read (excelize names that too).
func checkParts(ctx context.Context, data []byte, l Limits) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > uint64(l.UnzippedBytes) {
		return nil
	}
	sheets := 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		err = scanPart(ctx, rc, l.Cells, &sheets)
		_ = rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// notXML reports whether a part starting with b cannot be an XML document
// to encoding/xml: a control byte other than tab, newline and carriage
// return, or a byte that cannot start UTF-8 (PNG's 0x89, JPEG's 0xFF,
// EMF's 0x01). Such a part is not scanned: a large image may hold long
// stretches without a '<'.
func notXML(b byte) bool {
	switch {
	case b == '\t' || b == '\n' || b == '\r':
		return false
	case b < 0x20:
		return true
	case b >= 0x80 && b < 0xc2, b >= 0xf5:
		return true
	}
	return false
}

// Refusals of checkParts.
func cellTooLongInWorkbook() error {
	return problemError{problem(0, "", "", msg("import.problem.xlsx_cell_too_long",
		"Max", numbers.Format(MaxCellChars), i18n.PluralCount, MaxCellChars))}
}

func tooManySheets() error {
	return problemError{problem(0, "", "", msg("import.problem.xlsx_too_many_sheets",
		"Max", numbers.Format(maxSheets), i18n.PluralCount, maxSheets))}
}

func tooManyRelationships() error {
	return problemError{problem(0, "", "", msg("import.problem.xlsx_too_many_relationships",
		"Max", numbers.Format(maxRelationships), i18n.PluralCount, maxRelationships))}
}

func tooManyCells(max int) error {
	return problemError{problem(0, "", "", msg("import.problem.xlsx_too_many_cells",
		"Max", numbers.Format(int64(max)), i18n.PluralCount, max))}
}

// scanPart reads one XML part byte by byte (see checkParts). It does not
// check the XML is well formed: excelize does, on what passes.
// sheets counts the <sheet> elements of every part scanned so far.
func scanPart(ctx context.Context, r io.Reader, maxCells int, sheets *int) error {
	br := bufio.NewReaderSize(r, 32<<10)
	if first, err := br.Peek(1); err == nil && notXML(first[0]) {
		return nil
	}
	var (
		text  int // bytes of text in the current cell (or since the last tag)
		depth int // <c> and <si> elements open: a cell's text is all of its outermost one's
		cells int // <c> and <si> elements
		rels  int // <Relationship> elements
		read  int
	)
	next := func() (byte, error) {
		read++
		if read&0xffff == 0 {
			if err := ctx.Err(); err != nil {
				return 0, fmt.Errorf("reading the workbook: %w", err)
			}
		}
		return br.ReadByte()
	}
	// skipTo consumes bytes up to and including end (]]>, -->, ?> or >);
	// with counted, each byte before end is cell text.
	skipTo := func(end string, counted bool) error {
		matched := 0
		for {
			b, err := next()
			if err != nil {
				return err
			}
			switch {
			case b == end[matched]:
				if matched++; matched == len(end) {
					return nil
				}
				continue
			case matched == 2 && b == end[0] && end[0] == end[1]:
				// "]]]>" or "--->": the first byte was text, two still match.
				matched = 2
			default:
				if counted {
					text += matched // bytes that looked like end were text
				}
				matched = 0
				if b == end[0] {
					matched = 1
				}
			}
			if counted {
				if text++; text > maxXMLRun {
					return cellTooLongInWorkbook()
				}
			}
		}
	}
	for {
		b, err := next()
		if err != nil {
			if err == io.EOF {
				return nil
			}
			if ctx.Err() != nil {
				return err
			}
			return nil // a broken part: excelize names it
		}
		if b != '<' {
			if text++; text > maxXMLRun {
				return cellTooLongInWorkbook()
			}
			continue
		}
		peek, _ := br.Peek(9)
		switch {
		case bytes.HasPrefix(peek, []byte("![CDATA[")):
			_, _ = br.Discard(8)
			err = skipTo("]]>", true)
		case bytes.HasPrefix(peek, []byte("!--")):
			_, _ = br.Discard(3)
			err = skipTo("-->", false)
		case bytes.HasPrefix(peek, []byte("?")):
			err = skipTo("?>", false)
		case bytes.HasPrefix(peek, []byte("!")):
			err = skipTo(">", false)
		default:
			var (
				name    []byte
				closing bool
				self    bool
				quote   byte
				inName  = true
				tagLen  int
				prev    byte
			)
			for {
				c, e := next()
				if e != nil {
					err = e
					break
				}
				if tagLen++; tagLen > maxXMLRun {
					return cellTooLongInWorkbook()
				}
				if quote != 0 {
					if c == quote {
						quote = 0
					}
					prev = c
					continue
				}
				if c == '>' {
					self = prev == '/'
					break
				}
				switch {
				case inName && c == '/' && tagLen == 1:
					closing = true
				case inName && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/'):
					inName = false
				case inName:
					if len(name) < 64 {
						name = append(name, c)
					}
				case c == '"' || c == '\'':
					quote = c
				}
				prev = c
			}
			if err != nil {
				break
			}
			local := name
			if i := bytes.LastIndexByte(local, ':'); i >= 0 {
				local = local[i+1:]
			}
			isCell := string(local) == "c" || string(local) == "si"
			switch {
			case isCell && closing:
				// Only the end of the outermost cell ends its text: a
				// nested <c>…</c> or <si/> (which excelize ignores) does not.
				if depth > 0 {
					if depth--; depth == 0 {
						text = 0
					}
				}
			case isCell:
				if cells++; cells > maxCells && maxCells > 0 {
					return tooManyCells(maxCells)
				}
				if depth == 0 {
					text = 0
				}
				if !self {
					depth++
				}
			case closing:
				if depth == 0 {
					text = 0
				}
			case string(local) == "sheet":
				if *sheets++; *sheets > maxSheets {
					return tooManySheets()
				}
				if depth == 0 {
					text = 0
				}
			case string(local) == "Relationship":
				if rels++; rels > maxRelationships {
					return tooManyRelationships()
				}
				if depth == 0 {
					text = 0
				}
			case depth == 0:
				text = 0
			}
		}
		if err != nil {
			if err == io.EOF {
				return nil
			}
			if ctx.Err() != nil || isProblem(err) {
				return err
			}
			return nil
		}
	}
}

func isProblem(err error) bool {
	_, ok := err.(problemError)
	return ok
}
