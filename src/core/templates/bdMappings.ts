import type { Mappings } from '../config/types'
import { BD_AGGREGATE_MAPPING } from './bdAggregate'
import { bdAntigenRules } from './bdAntigens'
import { bdOrgUnitMapping } from './bdOrgUnits'
import { bdTrackerMapping } from './bdTracker'

/** The Bangladesh EPI template: what `init --template bd` and the app's "Start from the template" write. */
export const bdMappings = (): Mappings => ({
    version: 1,
    orgUnits: bdOrgUnitMapping(),
    antigens: bdAntigenRules(),
    outOfAreaKeep: 'vaccinating-site',
    tracker: bdTrackerMapping(),
    aggregate: structuredClone(BD_AGGREGATE_MAPPING),
})
