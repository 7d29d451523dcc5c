package export

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// Why the entries rows bypass excelize's StreamWriter: it keeps up to 16 MB
// of sheet XML (StreamChunkSize, a constant) in a bytes.Buffer before it
// spills to disk, and the buffer's doubling makes that 32-48 MB resident,
// which with the runtime breaks the bot's 60 MB goal at a few hundred
// thousand entries (bench/README.md). So excelize writes the workbook with
// the entries sheet's frame (widths, frozen panes, header row), and
// spliceRows copies that zip to the output, streaming the rows into the
// entries sheet as they come from the database: memory stays flat at any size.

// spliceRows copies the workbook zip src to w and writes rows into the
// sheet stored at sheetPath, just before its </sheetData>.
func spliceRows(w io.Writer, src []byte, sheetPath string, rows func(*rowWriter) error) error {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return fmt.Errorf("read workbook: %w", err)
	}
	zw := zip.NewWriter(w)
	// The entries sheet is most of the work; BestSpeed compresses it about
	// three times faster than the default for a few percent more bytes.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	var book *zip.File
	lastRow := 1
	for _, f := range zr.File {
		switch f.Name {
		case workbookPath:
			book = f // written last, once the entries' last row is known
		case sheetPath:
			if lastRow, err = spliceSheet(zw, f, rows); err != nil {
				return fmt.Errorf("entries sheet: %w", err)
			}
		default:
			if err := zw.Copy(f); err != nil {
				return err
			}
		}
	}
	if book != nil {
		if err := rewrite(zw, book, filterName, lastRow); err != nil {
			return fmt.Errorf("workbook: %w", err)
		}
	}
	return zw.Close()
}

const workbookPath = "xl/workbook.xml"

// The entries sheet's autofilter, as excelize wrote it over the header
// alone: the sheet's <autoFilter ref="A1:U1"> and the workbook's hidden
// _xlnm._FilterDatabase name. Both are stretched to the last row written.
var (
	sheetFilter = regexp.MustCompile(`(<autoFilter ref="A1:[A-Z]+)1"`)
	filterName  = regexp.MustCompile(`(_xlnm\._FilterDatabase">[^<]*:\$[A-Z]+\$)1<`)
)

// headerEnd is the column letter of the header row's last cell.
func headerEnd(frame []byte) string {
	m := lastHeaderCell.FindAllSubmatch(frame, -1)
	if len(m) == 0 {
		return "A"
	}
	return string(m[len(m)-1][1])
}

var lastHeaderCell = regexp.MustCompile(`<c r="([A-Z]+)1"`)

// stretch makes a header-only filter range (ending in row 1, matched by re
// with the text before the 1 as group 1) end in row last.
func stretch(re *regexp.Regexp, xml []byte, last int) []byte {
	return re.ReplaceAllFunc(xml, func(m []byte) []byte {
		sub := re.FindSubmatch(m)
		return append(append(slices.Clone(sub[1]), strconv.Itoa(last)...), m[len(m)-1])
	})
}

// rewrite copies a small zip member with its filter range stretched.
func rewrite(zw *zip.Writer, f *zip.File, re *regexp.Regexp, last int) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	body, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	_, err = out.Write(stretch(re, body, last))
	return err
}

// dimension is the sheet's used range as excelize wrote it for the header
// alone; it is optional, and a wrong one misleads readers, so it goes.
var dimension = regexp.MustCompile(`<dimension ref="[^"]*"\s*/?>(</dimension>)?`)

// spliceSheet writes the sheet with the rows streamed in and returns the
// number of its last row.
func spliceSheet(zw *zip.Writer, f *zip.File, rows func(*rowWriter) error) (int, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	frame, err := io.ReadAll(rc) // the frame only: a header row, a few kilobytes
	rc.Close()
	if err != nil {
		return 0, err
	}
	end := bytes.LastIndex(frame, []byte("</sheetData>"))
	if end < 0 {
		return 0, fmt.Errorf("no </sheetData> in %s", f.Name)
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	if _, err := bw.Write(dimension.ReplaceAll(frame[:end], nil)); err != nil {
		return 0, err
	}
	rw := &rowWriter{w: bw, next: 2}
	if err := rows(rw); err != nil {
		return 0, err
	}
	tail := frame[end:]
	if !bytes.Contains(tail, []byte("<autoFilter")) {
		// excelize keeps the workbook's filter name but drops a streamed
		// sheet's <autoFilter>; it goes right after </sheetData>, where the
		// schema's order puts it.
		close := len("</sheetData>")
		tail = slices.Concat(tail[:close], []byte(`<autoFilter ref="A1:`+headerEnd(frame)+`1"/>`), tail[close:])
	}
	if _, err := bw.Write(stretch(sheetFilter, tail, rw.next-1)); err != nil {
		return 0, err
	}
	return rw.next - 1, bw.Flush()
}

// rowWriter writes rows of sheet XML: numbers as numbers, text as inline
// strings (no shared-string table to hold in memory), dates as serial
// numbers with a date style.
type rowWriter struct {
	w    *bufio.Writer
	next int // the next row number; row 1 is the header
	cols []string
	num  []byte
}

// cell is one value to write with its style (0 for none).
type cell struct {
	value any // nil, int64, string or time.Time
	style int
}

func (rw *rowWriter) row(cells []cell) error {
	for len(rw.cols) < len(cells) {
		name, _ := excelize.ColumnNumberToName(len(rw.cols) + 1)
		rw.cols = append(rw.cols, name)
	}
	n := strconv.Itoa(rw.next)
	rw.next++
	rw.w.WriteString(`<row r="` + n + `">`)
	for i, c := range cells {
		if c.value == nil || c.value == "" {
			continue
		}
		rw.w.WriteString(`<c r="` + rw.cols[i] + n + `"`)
		if c.style != 0 {
			rw.w.WriteString(` s="` + strconv.Itoa(c.style) + `"`)
		}
		switch v := c.value.(type) {
		case int64:
			rw.num = strconv.AppendInt(rw.num[:0], v, 10)
		case time.Time:
			rw.num = strconv.AppendFloat(rw.num[:0], excelSerial(v), 'f', -1, 64)
		case string:
			rw.w.WriteString(` t="inlineStr"><is><t xml:space="preserve">`)
			if err := xml.EscapeText(rw.w, []byte(plainText(v))); err != nil {
				return err
			}
			rw.w.WriteString(`</t></is></c>`)
			continue
		default:
			return fmt.Errorf("cell of type %T", c.value)
		}
		rw.w.WriteString(`><v>`)
		rw.w.Write(rw.num)
		rw.w.WriteString(`</v></c>`)
	}
	_, err := rw.w.WriteString(`</row>`)
	return err
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts after
// February 1900 (its phantom 29 February makes 30 December the zero).
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// excelSerial is a wall-clock time (carried as UTC) as an Excel serial date.
func excelSerial(t time.Time) float64 {
	return t.Sub(excelEpoch).Hours() / 24
}
