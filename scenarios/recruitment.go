package scenarios

import (
	"strconv"
	"strings"

	"github.com/kosto-project/kosto/models"
)

// recruitment decodes [recruitment.NAME] tables, each with its ordered
// [[recruitment.NAME.stages]] array of tables. src is the file's text: the
// locator records only the first line of a key path, so the lines of the
// second and later stages are found here and recorded under the paths
// messages use, recruitment.NAME.stages[N] (N counted from 1).
func (d *decoder) recruitment(path string, v any, src []byte) map[string]*models.Funnel {
	d.locateArrays(string(trimBOM(src)))
	out := map[string]*models.Funnel{}
	d.named(path, v, func(fp, name string, t map[string]any) {
		f := &models.Funnel{Name: name, Pos: d.pos(fp), Texts: models.Texts{}, In: models.Inputs{}}
		d.fields(fp, t, models.RecruitmentTable, f.Texts, f.In, func(sp, key string, sv any) {
			f.Stages = d.stages(name, sp, sv)
		})
		out[name] = f
	})
	return out
}

// stages decodes a funnel's stages: an array of tables, written as
// [[recruitment.NAME.stages]] headers or inline as stages = [{ … }, { … }].
func (d *decoder) stages(funnel, path string, v any) []*models.Stage {
	var list []map[string]any
	switch x := v.(type) {
	case []map[string]any:
		list = x
	case []any:
		for i, e := range x {
			t, ok := e.(map[string]any)
			if !ok {
				d.problem(models.StageKey(funnel, i+1), show(e), "expected a stage: a table with name, conversion and its costs, written [[%s]]", path)
				return nil
			}
			list = append(list, t)
		}
	default:
		d.problem(path, show(v), "expected the stages as an array of tables, in order: one [[%s]] table per stage", path)
		return nil
	}
	out := make([]*models.Stage, 0, len(list))
	for i, t := range list {
		sp := models.StageKey(funnel, i+1)
		d.record(sp, d.loc.line(path)) // an inline entry is on the stages key's line
		s := &models.Stage{Pos: d.pos(sp), Texts: models.Texts{}, In: models.Inputs{}}
		d.fields(sp, t, models.StageTable, s.Texts, s.In, nil)
		out = append(out, s)
	}
	return out
}

// locateArrays records the lines of the entries of arrays of tables, and of
// the keys written in them, under key paths with the entry's number counted
// from 1: the second [[recruitment.foster.stages]] is
// recruitment.foster.stages[2], its conversion key
// recruitment.foster.stages[2].conversion.
func (d *decoder) locateArrays(src string) {
	count := map[string]int{}
	entry := "" // the array entry whose keys follow, or ""
	inString := ""
	depth := 0
	for n, line := range strings.Split(src, "\n") {
		lineNo := n + 1
		s := strings.TrimSpace(line)
		if inString != "" {
			if strings.Count(s, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		if depth > 0 {
			depth += bracketDelta(s)
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		if inner, ok := strings.CutPrefix(s, "[["); ok {
			end := headerEnd(inner)
			if end < 0 {
				continue
			}
			key := strings.Join(parseKey(inner[:end]), ".")
			count[key]++
			entry = key + "[" + strconv.Itoa(count[key]) + "]"
			d.record(entry, lineNo)
			continue
		}
		if strings.HasPrefix(s, "[") {
			entry = ""
			continue
		}
		eq := keyEnd(s)
		if eq < 0 {
			continue
		}
		if entry != "" {
			d.record(entry+"."+strings.Join(parseKey(s[:eq]), "."), lineNo)
		}
		value := strings.TrimSpace(s[eq+1:])
		switch {
		case strings.HasPrefix(value, `"""`) && strings.Count(value, `"""`) == 1:
			inString = `"""`
		case strings.HasPrefix(value, `'''`) && strings.Count(value, `'''`) == 1:
			inString = `'''`
		case strings.HasPrefix(value, "{"), strings.HasPrefix(value, "["):
			depth = bracketDelta(value)
		}
	}
}

func (d *decoder) record(path string, line int) {
	if _, ok := d.loc.lines[path]; !ok {
		d.loc.lines[path] = line
	}
}
