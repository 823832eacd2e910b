/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { send } from '../../sandbox/opensrp/httpClient'
import type { AttributeMapping, Mappings } from '../../src/core/config/types'
import type { RecordError } from '../../src/core/summary/types'
import { bdMappings, OPENSRP_BASIC, type Raw } from '../integration/support/syncHarness'
import { CLEAN, expectedFromOpenSrp, judgeTracker, readTrackerState } from './support/oracle'
import {
    CLEAN_VERDICT,
    expectReportedAsInSummary,
    resumeUntilSettled,
    runBoth,
    startFaultHarness,
    verdict,
    type FaultHarness,
} from './support/scenario'

/**
 * Issue 12: DHIS2 refuses part of a batch (409 with a report; atomicMode=OBJECT keeps the rest).
 * Some records are made invalid in DHIS2's terms: a facility mapped to an org unit the programs
 * and the data set are not assigned to, or a sex code outside the option set. Each refused record
 * is named in the run's report with DHIS2's code, every other record is written, and once the
 * mapping is corrected a resume writes the refused ones, once.
 */

/** Mouchak Union: in the operator's scope, no program or data set assigned. */
const UNION = 'TJVyV3rXr9T'

async function firstFacility(f: FaultHarness): Promise<{ id: string; name: string }> {
    const response = await send(
        `${f.h.opensrpUrl}/rest/location/getAll?serverVersion=0&limit=1000`,
        { headers: { Authorization: OPENSRP_BASIC } }
    )
    const locations = JSON.parse(response.text) as Array<{
        id: string
        properties: { name: string; geographicLevel: number }
    }>
    const facility = locations.find((l) => l.properties.geographicLevel === 6)
    if (!facility) throw new Error('no facility among the OpenSRP locations')
    return { id: facility.id, name: facility.properties.name }
}

const livesAt = (client: Raw, facility: { id: string; name: string }) =>
    client.locationId === facility.id ||
    (
        (client.addresses as Array<{ addressFields?: Record<string, string> }> | undefined) ?? []
    ).some((a) => a.addressFields?.address4 === facility.name)

const namedIn = (errors: RecordError[], codes: string[]) =>
    new Set(errors.filter((e) => codes.includes(e.code)).map((e) => e.sourceId))

/** The same mapping, with the sex attribute's `Female` sent as `F` (not in the option set). */
function withBadFemaleCode(mappings: Mappings): Mappings {
    const badSex = (a: AttributeMapping): AttributeMapping =>
        a.attribute === 'jWSuNC2sfcj'
            ? { ...a, transform: [{ type: 'optionMap', map: { Male: 'MALE', Female: 'F' } }] }
            : a
    const tracker = mappings.tracker
    if (!tracker) throw new Error('the BD mappings have a tracker part')
    return {
        ...mappings,
        tracker: {
            ...tracker,
            attributes: tracker.attributes.map(badSex),
            programs: tracker.programs.map((p) => ({ ...p, attributes: p.attributes.map(badSex) })),
        },
    }
}

describe.each([40, 42] as const)('DHIS2 2.%i refusing part of each batch', (minor) => {
    it('a facility mapped to an org unit without the programs and data set: its records are refused and named, the rest written; fixed, they follow once', async () => {
        const f = await startFaultHarness(minor)
        try {
            const facility = await firstFacility(f)
            f.h.mappings.orgUnits = { ...f.h.mappings.orgUnits, explicit: { [facility.id]: UNION } }
            const faulty = await runBoth(f)
            const report = await expectReportedAsInSummary(f, faulty)
            expect(report.summary.status).toBe('completed-with-errors')

            // Every record of that facility is named with DHIS2's reason; nothing else is missing.
            const clients = await f.h.opensrpAll('rest/client/getAll')
            const events = await f.h.opensrpAll('rest/event/getAll')
            const expected = await expectedFromOpenSrp(f.h)
            const there = {
                clients: new Set(
                    clients.filter((c) => livesAt(c, facility)).map((c) => String(c.baseEntityId))
                ),
                vaccinations: new Set(
                    events
                        .filter((e) => e.locationId === facility.id)
                        .map((e) => String(e.formSubmissionId ?? e._id))
                        .filter((key) => expected.vaccinations.has(key))
                ),
            }
            expect(there.clients.size).toBeGreaterThan(0)
            expect(there.vaccinations.size).toBeGreaterThan(5)
            const refusedClients = namedIn(report.summary.errors, ['E1041'])
            const refusedEvents = namedIn(report.summary.errors, ['E1029', 'E1041'])
            expect([...there.clients].filter((id) => !refusedClients.has(id))).toEqual([])
            expect([...there.vaccinations].filter((k) => !refusedEvents.has(k))).toEqual([])
            expect(report.summary.errors.find((e) => e.code === 'E1029')?.message).toMatch(
                /OrganisationUnit.*TJVyV3rXr9T.*Program/
            )
            const dataValues = report.summary.errors.filter((e) => e.recordKind === 'dataValue')
            expect(dataValues.length).toBeGreaterThan(0)
            expect(dataValues.every((e) => e.code === 'E7636' && e.orgUnit === UNION)).toBe(true)
            const state = await readTrackerState(f.h, minor)
            expect(judgeTracker(state, expected, there)).toEqual(CLEAN)

            // The admin corrects the mapping; the refused records go in, once.
            f.h.mappings.orgUnits = bdMappings().orgUnits
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })

    it('a sex code outside the option set for women and girls: they are refused with E1125, the rest written; fixed, they follow once', async () => {
        const f = await startFaultHarness(minor)
        try {
            f.h.mappings = withBadFemaleCode(f.h.mappings)
            const faulty = await runBoth(f)
            const report = await expectReportedAsInSummary(f, faulty)
            expect(report.summary.status).toBe('completed-with-errors')
            const clients = await f.h.opensrpAll('rest/client/getAll')
            const females = new Set(
                clients
                    .filter((c) => c.gender === 'Female' && c.voided !== true)
                    .map((c) => String(c.baseEntityId))
            )
            const males = clients.filter((c) => c.gender === 'Male').map((c) => c.baseEntityId)
            expect(females.size).toBeGreaterThan(0)
            expect(males.length).toBeGreaterThan(0)
            const refused = namedIn(report.summary.errors, ['E1125'])
            expect([...females].filter((id) => !refused.has(id))).toEqual([])
            expect(report.summary.errors.find((e) => e.code === 'E1125')?.message).toMatch(
                /option/i
            )
            // Men and boys are all in DHIS2 already; no woman or girl is.
            const state = await readTrackerState(f.h, minor)
            expect(males.filter((id) => !state.teByOsrpId.has(String(id)))).toEqual([])
            expect([...females].filter((id) => state.teByOsrpId.has(id))).toEqual([])

            f.h.mappings = bdMappings()
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })
})
