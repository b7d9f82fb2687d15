package scenarios

import (
	"github.com/kosto-project/kosto/models"
)

// recruitment decodes [recruitment.NAME] tables, each with its ordered
// [[recruitment.NAME.stages]] array of tables; messages name a stage
// recruitment.NAME.stages[N] (N counted from 1), as the locator does.
func (d *decoder) recruitment(path string, v any) map[string]*models.Funnel {
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

// record notes the line of a key path the locator has not seen, such as an
// inline stage, which is on the line of its stages key.
func (d *decoder) record(path string, line int) {
	if _, ok := d.loc.lines[path]; !ok {
		d.loc.lines[path] = line
	}
}
