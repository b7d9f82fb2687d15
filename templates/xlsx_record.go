package templates

import (
	"fmt"

	"github.com/kosto-project/kosto/costing"
	"github.com/kosto-project/kosto/models"
	"github.com/xuri/excelize/v2"
)

// record writes the record sheet (models.RecordSheet), hidden: what the
// workbook was exported from, for kosto import.
func (x *xlsxWriter) record(o WorkbookOptions) error {
	if _, err := x.f.NewSheet(models.RecordSheet); err != nil {
		return err
	}
	paths := ""
	if x.proj != nil {
		paths = x.sh.paths
	}
	rows := [][]string{
		{models.RecordMarker, models.RecordFormat},
		{models.RecordVersion, o.Version},
		{models.RecordScenario, x.r.Scenario.Name},
		{models.RecordSource, o.Source},
		{models.RecordPath, o.SourcePath},
		{models.RecordFingerprint, o.Fingerprint},
		{models.RecordLang, x.v.lang},
		{models.RecordInputs, x.sh.inputs},
		{models.RecordCalc, x.sh.calc},
		{models.RecordResults, x.sh.results},
		{models.RecordPaths, paths},
		{},
		{models.RecordTable, "defined name", "cell", "exported"},
	}
	names := map[string]bool{}
	row := 2
	for i, n := range x.r.Graph.Nodes {
		if n.Op != costing.OpInput {
			continue
		}
		d, ok := x.r.Value(costing.NodeID(i))
		v := ""
		if ok {
			v = d.String()
		}
		rows = append(rows, []string{n.Name, definedName(x.namePrefix+n.Name, names), fmt.Sprintf("C%d", row), v})
		row++
	}
	// Set up as every sheet is, on the sheet before it is streamed; but
	// LibreOffice prints hidden sheets too, so its print area is a blank
	// cell beside the record, whose empty page is not printed.
	if err := setPage(x.f, page{sheet: models.RecordSheet, landscape: true, footer: x.title}); err != nil {
		return err
	}
	if err := setSheetName(x.f, models.RecordSheet, "_xlnm.Print_Area", at(models.RecordSheet)+"$F$1:$F$1"); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(models.RecordSheet)
	if err != nil {
		return err
	}
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, s := range r {
			cells[j] = excelize.Cell{Value: s}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return x.f.SetSheetVisible(models.RecordSheet, false)
}
