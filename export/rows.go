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
	for _, f := range zr.File {
		if f.Name != sheetPath {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		if err := spliceSheet(zw, f, rows); err != nil {
			return fmt.Errorf("entries sheet: %w", err)
		}
	}
	return zw.Close()
}

// dimension is the sheet's used range as excelize wrote it for the header
// alone; it is optional, and a wrong one misleads readers, so it goes.
var dimension = regexp.MustCompile(`<dimension ref="[^"]*"\s*/?>(</dimension>)?`)

func spliceSheet(zw *zip.Writer, f *zip.File, rows func(*rowWriter) error) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	frame, err := io.ReadAll(rc) // the frame only: a header row, a few kilobytes
	rc.Close()
	if err != nil {
		return err
	}
	end := bytes.LastIndex(frame, []byte("</sheetData>"))
	if end < 0 {
		return fmt.Errorf("no </sheetData> in %s", f.Name)
	}
	out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	if _, err := bw.Write(dimension.ReplaceAll(frame[:end], nil)); err != nil {
		return err
	}
	if err := rows(&rowWriter{w: bw, next: 2}); err != nil {
		return err
	}
	if _, err := bw.Write(frame[end:]); err != nil {
		return err
	}
	return bw.Flush()
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
