/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { startBenchSandboxes, type BenchSandboxes } from '../harness/sandboxes'
import { runSeedSync } from './runSeed'

describe('the seed, reimplemented, against DHIS2 2.41 and OpenSRP sandboxes', () => {
    let sandboxes: BenchSandboxes
    beforeAll(async () => {
        sandboxes = await startBenchSandboxes({ children: 15, latencyMs: 0 })
    })
    afterAll(() => sandboxes.close())

    it('sends two requests per client, one at a time, and one data value set per month', async () => {
        const result = await runSeedSync({
            dhis2Url: sandboxes.dhis2Url,
            opensrpUrl: sandboxes.opensrpUrl,
        })
        const { dhis2 } = await sandboxes.counts()
        const clients = result.tracker.clientsRead
        expect(clients).toBeGreaterThan(15)
        expect(dhis2.byRoute['POST /api/trackedEntityInstances']).toBe(clients)
        expect(dhis2.byRoute['POST /api/enrollments']).toBe(result.tracker.trackedEntitiesCreated)
        expect(dhis2.byRoute['POST /api/dataValueSets']).toBe(result.aggregate.months)
        // DHIS2 accepts what it is sent: the org units, dates and codes are right.
        expect(result.tracker.trackedEntitiesCreated).toBe(clients)
        expect(result.tracker.enrollmentsCreated).toBeGreaterThanOrEqual(clients - 2)
        expect(result.aggregate.failedMonths).toBe(0)
        expect(result.aggregate.imported).toBe(result.aggregate.dataValues)
    })

    it('stops after the sample it is given', async () => {
        const before = await sandboxes.counts()
        const result = await runSeedSync({
            dhis2Url: sandboxes.dhis2Url,
            opensrpUrl: sandboxes.opensrpUrl,
            clientLimit: 5,
        })
        const after = await sandboxes.counts()
        const sent = (route: string) =>
            (after.dhis2.byRoute[route] ?? 0) - (before.dhis2.byRoute[route] ?? 0)
        expect(result.tracker.clientsRead).toBe(5)
        expect(sent('POST /api/trackedEntityInstances')).toBe(5)
    })
})
