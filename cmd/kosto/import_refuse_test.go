package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Every refusal of kosto import: exit 2, nothing written, each problem by
// sheet and cell in full.
func TestImportRefusals(t *testing.T) {
	dir := t.TempDir()
	mustKosto(t, dir, "export", "gjilan", "-o", "gjilan.xlsx")
	book := func(name string, cells map[string]any) string {
		edit(t, filepath.Join(dir, "gjilan.xlsx"), filepath.Join(dir, name), cells)
		return name
	}
	blank := excelize.NewFile()
	blank.SaveAs(filepath.Join(dir, "other.xlsx"))
	blank.Close()
	os.WriteFile(filepath.Join(dir, "notes.xlsx"), []byte("not a zip"), 0o644)
	src := mustKosto(t, dir, "scenarios", "show", "gjilan")
	os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(src), 0o644)
	mustKosto(t, dir, "export", "mine.toml", "-o", "mine.xlsx")
	os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(strings.Replace(src, `value = 250`, `value = 260`, 1)), 0o644)

	for _, c := range []struct {
		name, book string
		args       []string
		want       string
	}{
		{"a total typed over", book("totals.xlsx", map[string]any{"Calculations!C10": 1234, "Results!C6": 99}), nil,
			"totals.xlsx: Calculations!C10: a formula of kosto's: was overwritten with 1234: the workbook's figures are no longer the model's; put the formula back (export the scenario again to see it) and change an input instead\n" +
				"totals.xlsx: Results!C6: a formula of kosto's: was overwritten with 99: the workbook's figures are no longer the model's; put the formula back (export the scenario again to see it) and change an input instead\n"},
		{"text and a date in inputs", book("text.xlsx", map[string]any{"@params_foster_allowance": "two hundred", "@params_kinship_allowance": time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}), nil,
			"text.xlsx: Inputs!C95: params.foster_allowance = \"two hundred\": expected a number, not text\n" +
				"text.xlsx: Inputs!C101: params.kinship_allowance: holds a date: expected a number\n"},
		{"values the format refuses", book("values.xlsx", map[string]any{"@params_placement_payment": 75.555, "@gjilan_day_centre_costs_meals_amount": -5, "@gjilan_day_centre_attendance_rate": 1.5}), nil,
			"values.xlsx: Inputs!C97: parameters.placement_payment.value = \"75.555\": expected an amount with at most 2 decimals in EUR\n" +
				"values.xlsx: Inputs!C97: parameters.placement_payment.value = \"75.555\": expected an amount with at most 2 decimals in EUR (used by services.foster_care.placement_payment)\n" +
				"values.xlsx: Inputs!C105: services.day_centre.attendance_rate.value = \"1.5\": expected a share from 0 to 1 (write 5% as 0.05)\n" +
				"values.xlsx: Inputs!C110: services.day_centre.costs.meals.amount.value = \"-5\": expected an amount of zero or more\n"},
		{"a growth rate changed", book("rates.xlsx", map[string]any{"Paths!C2": 0.09}), nil,
			"rates.xlsx: Paths!C2: a growth rate: was changed from 0.05 to 0.09, and kosto import does not read that back yet (only the Inputs' value column): change it in the scenario file, or put back 0.05\n"},
		{"a workbook kosto did not write", "other.xlsx", nil,
			"other.xlsx: not a workbook kosto exported: it has no record sheet (kosto import reads back only what kosto export wrote)\n"},
		{"no workbook at all", "notes.xlsx", nil,
			"notes.xlsx: not an Excel workbook (.xlsx): it is not a zip of a spreadsheet's parts\n"},
		{"a scenario changed since export", "mine.xlsx", nil,
			"mine.xlsx: the scenario mine.toml has changed since the workbook was exported (by kosto " + version() + "): its files have changed, so the workbook's inputs are not the scenario's. Export the scenario again and make the changes there, or use --force to state the workbook's changes over the scenario as it is now\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := kosto(t, dir, append([]string{"import", c.book, "-o", "out.toml"}, c.args...)...)
			if code != 2 || out != "" || strings.TrimPrefix(errs, "kosto: ") != c.want && errs != c.want {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errs, c.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "out.toml")); err == nil {
				t.Error("out.toml was written")
			}
		})
	}
	// --force imports against the scenario as it is now: nothing changed in
	// the workbook, so the variant states nothing.
	code, out, errs := kosto(t, dir, "import", "mine.xlsx", "--force")
	if code != 0 || strings.Contains(out, "[parameters") || !strings.Contains(errs, "no input differs") {
		t.Errorf("--force: exit %d\n%s\n%s", code, out, errs)
	}
}
