package models

// The record sheet of an exported workbook: a hidden sheet on which the
// workbook says what it was exported from (templates writes it), so that
// kosto import can read a council's edits back as a variant of that
// scenario (scenarios reads it). Its rows are a key and a value each, under
// the marker; then a header and a row per input of the graph: the figure's
// name, its defined name, its cell on the Inputs sheet and the exact value
// it was exported with. Its name and words are not translated: a program
// reads them.
const (
	RecordSheet  = "kosto"
	RecordMarker = "kosto workbook" // the first cell; the record's format is beside it
	RecordFormat = "1"

	RecordVersion     = "version"            // kosto's version
	RecordScenario    = "scenario"           // the scenario's [scenario] name
	RecordSource      = "source"             // how it was named to kosto: a shipped name or a path as given
	RecordPath        = "path"               // a file's absolute path; "" for a shipped scenario
	RecordFingerprint = "sha256"             // of the scenario's files' bytes
	RecordLang        = "lang"               // the report's language
	RecordInputs      = "inputs sheet"       // the sheets' names, in that language
	RecordCalc        = "calculations sheet" //
	RecordResults     = "results sheet"      //
	RecordPaths       = "paths sheet"        // "" when the workbook has none
	RecordTable       = "input"              // the header of the inputs' table
)
