/**
 * @jest-environment node
 */
import { readFileSync } from 'fs'
import path from 'path'
import { buildGeography } from '../../sandbox/opensrp/geography'
import { GeneratedDataset } from '../../sandbox/opensrp/generator/dataset'
import { buildLocations } from '../../sandbox/opensrp/locations'
import { buildHierarchy } from '../../sandbox/shared/hierarchy'
import {
    validateClient,
    validateEvent,
    validateLocation,
} from '../../src/adapters/opensrp/validate'
import type { OpenSrpClient, OpenSrpEvent, OpenSrpLocation } from '../../src/core/domain/opensrp'
import { createOrgUnitResolver } from '../../src/core/orgUnits/resolver'
import type { Dhis2OrgUnit } from '../../src/core/orgUnits/types'
import { bdAntigenRules } from '../../src/core/templates/bdAntigens'
import {
    BD_OPENSRP_LOCATION_ATTRIBUTE,
    bdOrgUnitMapping,
} from '../../src/core/templates/bdOrgUnits'
import { bdTrackerMapping } from '../../src/core/templates/bdTracker'
import { buildClientPayload } from '../../src/core/tracker/buildClientPayload'
import { buildVaccinationEvent } from '../../src/core/tracker/buildVaccinationEvent'
import { motherIdOf } from '../../src/core/tracker/readValue'

/**
 * Every client and event of the OpenSRP fixtures, and of a generated sandbox dataset, goes through
 * the tracker mapping: each one ends up built, skipped for a stated reason, failed with a mapping
 * error, or quarantined by the source adapter. Nothing is lost, and nothing unexpected fails.
 */

const SALT = 'fixture-salt'
const TODAY = '2024-06-30'

interface Tally {
    records: number
    quarantined: number
    built: number
    skipped: Record<string, number>
    failed: Record<string, number>
}

const emptyTally = (): Tally => ({ records: 0, quarantined: 0, built: 0, skipped: {}, failed: {} })
const bump = (map: Record<string, number>, key: string) => {
    map[key] = (map[key] ?? 0) + 1
}
const accounted = (t: Tally) =>
    t.quarantined +
    t.built +
    Object.values(t.skipped).reduce((a, b) => a + b, 0) +
    Object.values(t.failed).reduce((a, b) => a + b, 0)

function mapEverything(
    rawClients: unknown[],
    rawEvents: unknown[],
    locations: OpenSrpLocation[],
    orgUnits: Dhis2OrgUnit[]
) {
    const resolver = createOrgUnitResolver(bdOrgUnitMapping(), locations, orgUnits)
    const mapping = bdTrackerMapping()
    const common = {
        salt: SALT,
        timeZone: 'Asia/Dhaka',
        today: TODAY,
        mapping,
        resolveOrgUnit: resolver.resolve,
        resolveFacilityName: resolver.resolveFacilityName,
    }
    const clients = new Map<string, OpenSrpClient>()
    const clientTally = emptyTally()
    const validClients: OpenSrpClient[] = []
    for (const raw of rawClients) {
        clientTally.records++
        const result = validateClient(raw)
        if (!result.ok) {
            clientTally.quarantined++
            continue
        }
        validClients.push(result.value)
        const known = clients.get(result.value.baseEntityId)
        if (!known || known.serverVersion < result.value.serverVersion)
            clients.set(result.value.baseEntityId, result.value)
    }
    const builtClients = new Set<string>()
    const enrollments: Record<string, number> = {}
    for (const client of validClients) {
        const motherId = motherIdOf(client)
        const mother = motherId === undefined ? undefined : clients.get(motherId)
        const result = buildClientPayload(client, { ...common, ...(mother ? { mother } : {}) })
        if (result.outcome === 'built') {
            clientTally.built++
            builtClients.add(client.baseEntityId)
            for (const enrollment of result.enrollments) bump(enrollments, enrollment.program)
        } else if (result.outcome === 'skipped') bump(clientTally.skipped, result.reason)
        else for (const error of result.errors.slice(0, 1)) bump(clientTally.failed, error.code)
    }

    const eventTally = emptyTally()
    const builtEvents: string[] = []
    for (const raw of rawEvents) {
        eventTally.records++
        const validated = validateEvent(raw)
        if (!validated.ok) {
            eventTally.quarantined++
            continue
        }
        const event: OpenSrpEvent = validated.value
        const result = buildVaccinationEvent(event, {
            ...common,
            antigens: bdAntigenRules(),
            outOfAreaKeep: 'vaccinating-site',
            client: clients.get(event.baseEntityId),
        })
        if (result.outcome === 'built') {
            eventTally.built++
            builtEvents.push(result.event.event)
        } else if (result.outcome === 'skipped') bump(eventTally.skipped, result.reason)
        else for (const error of result.errors.slice(0, 1)) bump(eventTally.failed, error.code)
    }
    return { clientTally, eventTally, builtClients, builtEvents, enrollments }
}

describe('the OpenSRP fixtures through the BD tracker mapping', () => {
    const fixture = (name: string) =>
        JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/opensrp', name), 'utf8'))
    const page1 = fixture('events-sync-page-1.json')
    const page2 = fixture('events-sync-page-2.json')
    const rawLocations: unknown[] = fixture('locations.json')
    const locations = rawLocations.flatMap((raw) => {
        const result = validateLocation(raw)
        return result.ok ? [result.value] : []
    })
    // The fixtures' three EPI centres, as a DHIS2 would hold them with the location attribute.
    const centres: Record<string, string> = {
        '52995019-12fc-4844-a9f8-4cd6da43d54e': 'OuKaCentre1',
        '0eda413e-1e60-43a9-9294-effec7e3c61f': 'OuKhaCentre',
        '85d4d951-3eaa-479e-a482-b9183234206c': 'OuKichak5Ka',
    }
    const orgUnits: Dhis2OrgUnit[] = Object.entries(centres).map(([location, id]) => ({
        id,
        name: id,
        attributeValues: [{ attribute: BD_OPENSRP_LOCATION_ATTRIBUTE, value: location }],
    }))
    const { clientTally, eventTally } = mapEverything(
        [...fixture('clients.json'), ...page1.clients, ...page2.clients],
        [...page1.events, ...page2.events],
        locations,
        orgUnits
    )

    it('accounts for every client record', () => {
        expect(clientTally.records).toBe(8 + 6 + 5)
        expect(accounted(clientTally)).toBe(clientTally.records)
    })

    it('builds the mothers and children, skips the voided duplicate and fails B/O Nasrin (no sex)', () => {
        // clients.json: 3 mothers + 3 children built, B/O Nasrin failed, Tanvir Hosen voided.
        // Page 1 still carries Tanvir Hosen unvoided: he is a valid child then.
        expect(clientTally.failed).toEqual({ OSRP_MISSING_VALUE: 3 })
        expect(clientTally.skipped).toEqual({ voided: 1 })
        expect(clientTally.built).toBe(15)
        expect(clientTally.quarantined).toBe(0)
    })

    it('accounts for every event record', () => {
        expect(eventTally.records).toBe(22)
        expect(accounted(eventTally)).toBe(eventTally.records)
    })

    it('builds the doses, skips what must not be sent, and quarantines the Bangla date', () => {
        expect(eventTally).toEqual({
            records: 22,
            quarantined: 1,
            // BCG, OPV0, TT3, TT2, Penta2, OPV2, PCV2 (p1), BCG, OPV0 (B/O Nasrin), OPV0 again,
            // TT5, Penta1, fIPV1, MR2 at the vaccinating site, PCV2 edited.
            built: 15,
            skipped: {
                'not-vaccination': 3,
                'out-of-area-copy': 1,
                'out-of-area-service': 1,
                voided: 1,
            },
            failed: {},
        })
    })
})

describe('a generated sandbox dataset through the BD tracker mapping', () => {
    it.each([
        [1, false],
        [7, true],
    ])(
        'seed %i (location ids are org unit UIDs: %s): nothing lost, only planted problems',
        (seed, uids) => {
            const facilities = 12
            const geography = buildGeography(facilities, uids)
            const dataset = new GeneratedDataset({
                seed,
                children: 300,
                facilities: geography.facilities.length,
                facilityList: geography.facilities,
            })
            const locations = buildLocations(geography).flatMap((l) => {
                const result = validateLocation(l.json)
                return result.ok ? [result.value] : []
            })
            const orgUnits: Dhis2OrgUnit[] = buildHierarchy(facilities).map((node) => ({
                id: node.uid,
                code: node.code,
                name: node.name,
                attributeValues: [
                    { attribute: BD_OPENSRP_LOCATION_ATTRIBUTE, value: node.openSrpLocationId },
                ],
            }))
            const rawClients: unknown[] = []
            const rawEvents: unknown[] = []
            for (let i = 0; i < dataset.children; i++) {
                const plan = dataset.plan(i)
                for (const slot of plan.clientSlots) rawClients.push(dataset.client(plan, slot))
                for (const planned of plan.events) rawEvents.push(dataset.event(plan, planned))
            }
            const { clientTally, eventTally, builtEvents, enrollments } = mapEverything(
                rawClients,
                rawEvents,
                locations,
                orgUnits
            )

            expect(accounted(clientTally)).toBe(clientTally.records)
            expect(accounted(eventTally)).toBe(eventTally.records)
            // Children without a recorded sex are the only clients the BD programme cannot take.
            expect(Object.keys(clientTally.failed)).toEqual(['OSRP_MISSING_VALUE'])
            expect(clientTally.failed['OSRP_MISSING_VALUE']).toBeLessThan(
                clientTally.records * 0.03
            )
            // Only voided duplicates (0.5% of children, maybe none) are skipped.
            expect(
                Object.keys(clientTally.skipped).filter((reason) => reason !== 'voided')
            ).toEqual([])
            // Mothers (placed by the facility in their address) and children are both enrolled.
            expect(enrollments['HTqzpjctuad']).toBeGreaterThan(clientTally.records * 0.4)
            expect(enrollments['C15BBx4PSBf']).toBeGreaterThan(clientTally.records * 0.4)
            // Every well-formed vaccination maps: no unknown antigen, org unit or client.
            expect(eventTally.failed).toEqual({})
            expect(eventTally.built).toBeGreaterThan(eventTally.records * 0.8)
            // Edits keep their UID (same formSubmissionId), so UIDs repeat only for edited doses.
            const edits = rawEvents.filter(
                (raw) =>
                    typeof raw === 'object' && raw !== null && Reflect.get(raw, '_rev') === 'v2'
            ).length
            expect(builtEvents.length - new Set(builtEvents).size).toBeLessThanOrEqual(edits)
        }
    )
})
