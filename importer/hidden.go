package importer

// Hidden columns of the sheet read (issue 20). excelize reads a column's
// visibility only by loading the whole worksheet into memory, which the
// streamed read avoids; the <cols> element comes before <sheetData>, so
// it is read here from the package, stopping at <sheetData>.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// maxSheetColumns is the widest sheet Excel makes (XFD); maxColElements
// the most <col> elements read (Excel writes at most one a column).
const (
	maxSheetColumns = 16_384
	maxColElements  = maxSheetColumns
)

// errNoSheetPart: the sheet's part could not be found by its relationships;
// excelize found it, so the package is unusual (refused as such).
var errNoSheetPart = errors.New("sheet part not found")

// hiddenColumns returns, for the sheet named sheet, which columns (from 0)
// are hidden; nil when none is. Its reads are bounded by the part checks
// (checkParts) the workbook passed before excelize opened it.
func hiddenColumns(data []byte, sheet string) ([]bool, error) {
	f, err := sheetPart(data, sheet)
	if err != nil {
		return nil, err
	}
	return hiddenCols(f)
}

// thinRows returns the lines (from 1, up to maxRows) of the sheet named
// sheet whose height is too small to read (i43), nil when none is.
// excelize's streamed read gives a row without a height of its own a
// height of 0, the same as a row of height 0, so the heights are read
// here from the row elements themselves: a second streamed pass over the
// sheet's part, bounded like the first by the part checks.
func thinRows(data []byte, sheet string, maxRows int) (map[int]bool, error) {
	f, err := sheetPart(data, sheet)
	if err != nil {
		return nil, err
	}
	var (
		thin map[int]bool
		line int
	)
	err = eachStart(f, func(e xml.StartElement) bool {
		if e.Name.Local != "row" {
			return true
		}
		// A row without its number follows the one before (as excelize
		// reads it).
		if n, err := strconv.Atoi(attr(e, "r")); err == nil && n > 0 {
			line = n
		} else {
			line++
		}
		if line > maxRows {
			return false
		}
		if h, err := strconv.ParseFloat(attr(e, "ht"), 64); err == nil && h < minRowHeight {
			if thin == nil {
				thin = map[int]bool{}
			}
			thin[line] = true
		}
		return true
	})
	return thin, err
}

// sheetPart is the package part of the sheet named sheet.
func sheetPart(data []byte, sheet string) (*zip.File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	wb := "xl/workbook.xml"
	if t := relTarget(parts, "_rels/.rels", "", func(id, typ string) bool { return strings.HasSuffix(typ, "/officeDocument") }); t != "" {
		wb = t
	}
	var rid string
	if err := eachStart(parts[wb], func(e xml.StartElement) bool {
		if e.Name.Local == "sheet" && attr(e, "name") == sheet {
			rid = attr(e, "id")
			return false
		}
		return true
	}); err != nil {
		return nil, err
	}
	rels := path.Join(path.Dir(wb), "_rels", path.Base(wb)+".rels")
	target := relTarget(parts, rels, path.Dir(wb), func(id, _ string) bool { return id == rid })
	if rid == "" || parts[target] == nil {
		return nil, errNoSheetPart
	}
	return parts[target], nil
}

// hiddenCols reads the hidden columns from the sheet part f.
func hiddenCols(f *zip.File) ([]bool, error) {
	// A difference array over the columns: each <col min max hidden>
	// costs O(1) however wide it is.
	var (
		diff  [maxSheetColumns + 1]int
		cols  int
		found bool
	)
	err := eachStart(f, func(e xml.StartElement) bool {
		switch e.Name.Local {
		case "sheetData":
			return false
		case "col":
			if cols++; cols > maxColElements {
				return false
			}
			if h := attr(e, "hidden"); h != "1" && h != "true" {
				// A column too narrow to read (width 0 included) is
				// hidden as well.
				if w, err := strconv.ParseFloat(attr(e, "width"), 64); err != nil || w >= minColWidth {
					return true
				}
			}
			lo, err1 := strconv.Atoi(attr(e, "min"))
			hi, err2 := strconv.Atoi(attr(e, "max"))
			lo, hi = max(lo, 1), min(hi, maxSheetColumns)
			if err1 == nil && err2 == nil && lo <= hi {
				diff[lo-1]++
				diff[hi]--
				found = true
			}
		}
		return true
	})
	if err != nil || !found {
		return nil, err
	}
	hidden := make([]bool, maxSheetColumns)
	n := 0
	for i := range hidden {
		n += diff[i]
		hidden[i] = n > 0
	}
	return hidden, nil
}

// relTarget is the target of the first relationship in the part relsName
// that match accepts, as a part name (relative targets resolved from dir).
func relTarget(parts map[string]*zip.File, relsName, dir string, match func(id, typ string) bool) string {
	var target string
	_ = eachStart(parts[relsName], func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" && match(attr(e, "Id"), attr(e, "Type")) {
			target = attr(e, "Target")
			return false
		}
		return true
	})
	if target == "" {
		return ""
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(dir, target)
}

// eachStart streams a part's start elements to fn until fn returns false.
// A missing part has none.
func eachStart(f *zip.File, fn func(xml.StartElement) bool) error {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if e, ok := tok.(xml.StartElement); ok && !fn(e) {
			return nil
		}
	}
}

// attr is the value of e's attribute of that local name ("" when absent).
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
