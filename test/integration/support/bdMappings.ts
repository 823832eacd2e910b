import type { Mappings } from '../../../src/core/config/types'
import { BD_AGGREGATE_MAPPING } from '../../../src/core/templates/bdAggregate'
import { bdAntigenRules } from '../../../src/core/templates/bdAntigens'
import { bdOrgUnitMapping } from '../../../src/core/templates/bdOrgUnits'
import { bdTrackerMapping } from '../../../src/core/templates/bdTracker'

/** The BD template as `init --template bd` stores it: every part, fresh objects each call. */
export const bdTemplateMappings = (): Mappings => ({
    version: 1,
    orgUnits: bdOrgUnitMapping(),
    antigens: bdAntigenRules(),
    outOfAreaKeep: 'vaccinating-site',
    tracker: bdTrackerMapping(),
    aggregate: JSON.parse(JSON.stringify(BD_AGGREGATE_MAPPING)),
})
