package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

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

// maxCellElements is the most elements one cell (<c> or <si>) may hold:
// excelize decodes a cell whole, one struct per rich-text run, so a cell of a
// million empty runs (<r><rPr><b/></rPr></r>, 53 KB zipped) took 451 MB of
// heap without a byte of text (review r6 X3). A cell formatted run by run,
// character by character, stays far below it.
const maxCellElements = 1_024

// maxOtherPartElements is the most elements a part may hold that is neither
// a worksheet nor the shared strings: styles, the workbook, its theme,
// drawings, the calculation chain. excelize unmarshals these whole when it
// opens the file, without a context (6 million <xf/> in styles.xml, 44 KB
// zipped, took 2.7 GB and 57 s; 600,000 <definedName> 520 MB: review r6 X2,
// X4). A ledger's styles are a few hundred elements; Excel itself allows
// 64,000 cell formats.
const maxOtherPartElements = 50_000

// maxOtherPartBytes bounds the same parts by their size: a ledger's styles,
// workbook and theme are a few kilobytes to a few hundred.
const maxOtherPartBytes = 2 << 20

// maxDepth is the most elements a part may have open at once, and
// maxParts the most parts a workbook may hold. A ledger nests about ten
// deep (a drawing a little more) and holds a few dozen parts.
const (
	maxDepth = 128
	maxParts = 2_000
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
	// Each part costs a reader, here and in excelize, whatever it holds:
	// 140,000 empty parts took 269 MB (review r6 X14).
	if len(zr.File) > maxParts {
		return unusualStructure()
	}
	sheets := 0
	seen := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		// Two parts of one name: excelize keeps the later, which is not
		// what any other reader of the file sees (review r6 X4).
		if seen[f.Name] {
			return problemError{problem(0, "", "", msg("import.problem.xlsx_part_twice", "Part", f.Name))}
		}
		seen[f.Name] = true
	}
	// The package's own XML first: the content types and relationships
	// it is scanned, then read, to tell which parts are binary.
	scan := func(f *zip.File) error {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		return scanPart(ctx, rc, l.Cells, &sheets)
	}
	var (
		pkg    []*zip.File
		binary map[string]bool
		failed bool
	)
	for _, f := range zr.File {
		if packagePart(f.Name) {
			if err := scan(f); err != nil {
				failed = true
				break
			}
			pkg = append(pkg, f)
		}
	}
	if !failed {
		binary = binaryParts(pkg, zr.File)
	} else {
		// Refused: every part is scanned again in the zip's order, so the
		// refusal is the first part's, whatever kind it is.
		sheets = 0
	}
	for _, f := range zr.File {
		if !failed && packagePart(f.Name) || binary[f.Name] {
			continue
		}
		if err := scan(f); err != nil {
			return err
		}
	}
	return nil
}

// packagePart reports whether a part is the package's content types or
// a relationships part.
func packagePart(name string) bool {
	return name == "[Content_Types].xml" || strings.HasSuffix(strings.ToLower(name), ".rels")
}

// binaryRelationships are the relationship types (their last path
// segment) whose targets excelize never reads as XML: pictures, media, a
// VBA project, embedded objects, printer settings.
var binaryRelationships = map[string]bool{
	"image": true, "vbaProject": true, "oleObject": true, "package": true, "printerSettings": true,
	"activeXControlBinary": true, "hdphoto": true, "media": true, "video": true, "audio": true, "font": true,
	"thumbnail": true,
}

// binaryParts are the parts not scanned as XML (review i31: an SVG
// picture's long path refused the workbook as an over-long cell): parts
// whose name does not end in .xml, whose declared content type
// ([Content_Types].xml, by part name, else by extension) is a picture
// (image/…, an SVG too) or holds no "xml", and that no relationship
// targets with a type other than binaryRelationships. excelize reads a
// part at whatever name a relationship gives it, so a sheet named
// sheet1.png is still scanned (review r4 X1). pkg are the content types
// and relationships parts, already scanned (so bounded); all every part.
// A part with no declared content type is scanned. A relationship
// whose target cannot be placed makes no part binary: then every part is
// scanned, as before. A part not skipped here whose first bytes are no
// XML is still skipped by scanPart.
func binaryParts(pkg, all []*zip.File) map[string]bool {
	defaults, overrides := map[string]string{}, map[string]string{}
	read := map[string]bool{} // targets of a relationship excelize may read as XML
	for _, f := range pkg {
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		dec := xml.NewDecoder(rc)
		base := path.Dir(path.Dir(f.Name)) // xl/_rels/workbook.xml.rels: xl
		if base == "." {
			base = ""
		}
		ok := true
		for ok {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			el, isStart := tok.(xml.StartElement)
			if !isStart {
				continue
			}
			attr := func(name string) string {
				for _, a := range el.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch el.Name.Local {
			case "Default":
				defaults[strings.ToLower(attr("Extension"))] = attr("ContentType")
			case "Override":
				overrides[strings.TrimPrefix(attr("PartName"), "/")] = attr("ContentType")
			case "Relationship":
				if attr("TargetMode") == "External" {
					continue
				}
				typ := attr("Type")
				if binaryRelationships[typ[strings.LastIndexByte(typ, '/')+1:]] {
					continue
				}
				target := attr("Target")
				if strings.HasPrefix(target, "/") {
					target = path.Clean(strings.TrimPrefix(target, "/"))
				} else {
					target = path.Join(base, target)
				}
				if target == "" || strings.HasPrefix(target, "..") {
					ok = false
					continue
				}
				read[target] = true
			}
		}
		_ = rc.Close()
		if !ok {
			return nil
		}
	}
	contentType := func(name string) string {
		if ct, ok := overrides[name]; ok {
			return ct
		}
		return defaults[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))]
	}
	out := map[string]bool{}
	for _, f := range all {
		name := f.Name
		ct := strings.ToLower(contentType(name))
		if packagePart(name) || read[name] || strings.HasSuffix(strings.ToLower(name), ".xml") || ct == "" {
			continue
		}
		if strings.HasPrefix(ct, "image/") || !strings.Contains(ct, "xml") {
			out[name] = true
		}
	}
	return out
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
	head, _ := br.Peek(512)
	if notXMLHead(head) {
		// Not XML: encoding/xml stops at the first control byte before the
		// root, so excelize cannot read far into such a part (a printer
		// settings or OLE part, a GIF: review r6 m-1). A control byte after
		// a '<' (in a comment, which encoding/xml reads unchecked) does not
		// make a part binary: it hid a whole sheet from the scan (review r8
		// X1).
		return nil
	}
	var (
		text     int    // bytes of text in the current cell (or since the last tag)
		depth    int    // <c> and <si> elements open: a cell's text is all of its outermost one's
		cells    int    // <c> and <si> elements
		rels     int    // <Relationship> elements
		elements int    // start tags in the part
		inCell   int    // start tags inside the current outermost cell
		root     string // the part's first element: worksheet, sst, styleSheet…
		open     int    // elements open: encoding/xml keeps a stack entry for each
		maxElems = maxOtherPartElements
		read     int
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
		matched, run := 0, 0
		for {
			b, err := next()
			if err != nil {
				return err
			}
			// A comment or directive is one token to encoding/xml, read
			// whole (a 30 MB comment: 92 MB of heap, review r6 X17).
			if run++; run > maxXMLRun && !counted {
				return unusualStructure()
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
			err = checkDeclaration(next)
		case bytes.HasPrefix(peek, []byte("!")):
			// A DOCTYPE or other directive: Excel writes none, and
			// encoding/xml reads one with nested brackets and comments
			// the scan would end early, so the words after it could pass
			// for the part's root (review r8 X3).
			return unusualStructure()
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
			case closing && open > 0:
				open--
			case !closing && !self:
				// 8 million unclosed <x> took 919 MB in one rows.Next(),
				// which no deadline stops (review r6 X16).
				if open++; open > maxDepth {
					return unusualStructure()
				}
			}
			if root != "" && root != "worksheet" && root != "sst" && read > maxOtherPartBytes {
				// excelize holds these parts whole, and each of the capped
				// elements may carry a long attribute: 49,000 number formats
				// of 600 characters, a 116 KB file, took 104 MB (review r8
				// X10).
				return problemError{problem(0, "", "", msg("import.problem.xlsx_part_too_large", "MB", maxOtherPartBytes>>20))}
			}
			if !closing {
				if root == "" {
					root = string(local)
					switch root {
					case "worksheet": // streamed row by row: bounded by its cells
						maxElems = 4 * maxCells
					case "sst": // unmarshalled whole: two elements a plain string
						maxElems = maxCells
					}
				}
				if elements++; elements > maxElems && maxElems > 0 {
					return tooManyElements(maxElems)
				}
				if depth > 0 {
					if inCell++; inCell > maxCellElements {
						return cellTooComplex()
					}
				}
			}
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
					text, inCell = 0, 0
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

// checkDeclaration reads a processing instruction after its "<?" and
// refuses an XML declaration naming an encoding other than UTF-8. excelize
// decodes such a part from that encoding, where the scan reads bytes: in
// ISO-2022-JP "</c>" is two kanji to excelize and the end of a cell to the
// scan, so a 28 KB file passed with a 42 MB cell (review r6 X1). Excel
// writes UTF-8 only.
func checkDeclaration(next func() (byte, error)) error {
	var pi []byte
	prev := byte(0)
	for run := 0; ; run++ {
		if run > maxXMLRun {
			return unusualStructure()
		}
		b, err := next()
		if err != nil {
			return err
		}
		if prev == '?' && b == '>' {
			break
		}
		pi = append(pi, b) // at most maxXMLRun bytes: checked above
		prev = b
	}
	if !bytes.HasPrefix(pi, []byte("?xml")) {
		return nil
	}
	return refuseOtherEncoding(pi)
}

// refuseOtherEncoding refuses b when it holds an XML declaration naming an
// encoding other than UTF-8.
func refuseOtherEncoding(b []byte) error {
	for _, m := range reEncoding.FindAllSubmatch(b, -1) {
		if enc := strings.ToLower(string(m[2])); enc != "utf-8" && enc != "utf8" {
			return problemError{problem(0, "", "", msg("import.problem.xlsx_not_utf8", "Encoding", string(m[2])))}
		}
	}
	return nil
}

// notXMLHead reports whether a part starting with head cannot be an XML
// document to encoding/xml: its first byte cannot start one (notXML), or a
// control byte other than tab, newline and carriage return comes before
// its first '<'.
func notXMLHead(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	if notXML(head[0]) {
		return true
	}
	if i := bytes.IndexByte(head, '<'); i >= 0 {
		head = head[:i]
	}
	return bytes.ContainsFunc(head, isControl)
}

// reEncoding finds every encoding attribute of an XML declaration, however
// spaced: encoding/xml's own reading (procInst) takes the first
// `encoding=` followed by a quote, so any of them may be the one it uses
// (review r8 X2).
var reEncoding = regexp.MustCompile(`encoding\s*=\s*(["'])([^"']*)`)

// isControl reports a byte no XML document holds: a control character
// other than tab, newline and carriage return.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r'
}

func tooManyElements(max int) error {
	return problemError{problem(0, "", "", msg("import.problem.xlsx_too_many_elements",
		"Max", numbers.Format(int64(max)), i18n.PluralCount, max))}
}

func unusualStructure() error {
	return problemError{problem(0, "", "", msg("import.problem.xlsx_unusual_structure"))}
}

func cellTooComplex() error {
	return problemError{problem(0, "", "", msg("import.problem.xlsx_cell_too_complex",
		"Max", numbers.Format(maxCellElements), i18n.PluralCount, maxCellElements))}
}

func isProblem(err error) bool {
	_, ok := err.(problemError)
	return ok
}
