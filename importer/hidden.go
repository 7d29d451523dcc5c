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
	// A difference array over the columns: each <col min max hidden>
	// costs O(1) however wide it is.
	var (
		diff  [maxSheetColumns + 1]int
		cols  int
		found bool
	)
	err = eachStart(parts[target], func(e xml.StartElement) bool {
		switch e.Name.Local {
		case "sheetData":
			return false
		case "col":
			if cols++; cols > maxColElements {
				return false
			}
			if h := attr(e, "hidden"); h != "1" && h != "true" {
				// A column of width 0 is hidden as well.
				if w, err := strconv.ParseFloat(attr(e, "width"), 64); err != nil || w > 0 {
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
