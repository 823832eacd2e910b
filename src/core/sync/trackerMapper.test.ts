/** @jest-environment node */
import { defaultSettings } from '../config/defaults'
import { createOrgUnitResolver } from '../orgUnits/resolver'
import { bdAntigenRules } from '../templates/bdAntigens'
import { bdOrgUnitMapping } from '../templates/bdOrgUnits'
import { bdTrackerMapping } from '../templates/bdTracker'
import { child, locations, mother, orgUnits } from '../tracker/testRecords'
import { createTrackerMapper } from './trackerMapper'

const mapper = createTrackerMapper({
    settings: defaultSettings({ uidSalt: 'test-salt-0123456789' }),
    mappings: {
        version: 1,
        orgUnits: bdOrgUnitMapping(),
        antigens: bdAntigenRules(),
        outOfAreaKeep: 'vaccinating-site',
        tracker: bdTrackerMapping(),
    },
    resolver: createOrgUnitResolver(bdOrgUnitMapping(), locations, orgUnits),
    today: '2024-06-30',
})

describe('the tracker mapper', () => {
    it('tells the tracked entity UID the client payload is built with, without building it', () => {
        for (const client of [child(), mother()]) {
            const mapped = mapper.mapClient(client)
            expect(mapped.ok).toBe(true)
            if (mapped.ok !== true) return
            expect(mapper.trackedEntityUidOf(client)).toBe(mapped.value.trackedEntity.trackedEntity)
        }
    })
})
