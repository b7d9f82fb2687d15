package costing

import "github.com/kosto-project/kosto/models"

// allocate shares the scenario's central costs among a municipality's
// services. It is filled in by the allocation of named central costs.
func (b *builder) allocate(m *models.Municipality, sbs []*serviceBuilder) {}
