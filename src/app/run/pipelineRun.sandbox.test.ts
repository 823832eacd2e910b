/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { startDhis2Sandbox } from '../../../sandbox/dhis2'
import { startOpenSrpSandbox } from '../../../sandbox/opensrp'
import { InMemorySyncStore } from '../../../test/fakes/inMemorySyncStore'
import { saveMappings, saveSettings } from '../../adapters/dhis2/configStore'
import { createDataStoreKeyValueStore } from '../../adapters/dhis2/dataStore'
import { createNodeEngine } from '../../adapters/dhis2/engine'
import { systemClock } from '../../adapters/runner/systemClock'
import { defaultSettings } from '../../core/config/defaults'
import { parseRunIndex, RUN_INDEX_KEY } from '../../core/runs/reportRecord'
import type { RunPhase } from '../../core/runs/progress'
import { bdMappings } from '../../core/templates/bdMappings'
import { EMPTY_ROUTE_FORM, routeBody } from '../connection/routeApi'
import { retryKeysOf, runFromBrowser, type PipelineDeps } from './pipelineRun'

type Dhis2 = Awaited<ReturnType<typeof startDhis2Sandbox>>
type OpenSrp = Awaited<ReturnType<typeof startOpenSrpSandbox>>

let dhis2: Dhis2
let opensrp: OpenSrp

beforeAll(async () => {
    opensrp = await startOpenSrpSandbox({ children: 15, seed: 3 })
    dhis2 = await startDhis2Sandbox({ minor: 41, patch: 9 })
})

afterAll(async () => {
    await dhis2.close()
    await opensrp.close()
})

/** The scope keys of the stores runs opened. */
let opened: string[] = []

async function asUser(username: string, password: string): Promise<PipelineDeps> {
    const { engine, version } = await createNodeEngine({
        baseUrl: dhis2.url,
        auth: { type: 'basic', username, password },
    })
    const kv = createDataStoreKeyValueStore(engine, version)
    return {
        engine,
        version,
        kv,
        clock: systemClock,
        openStore: async (scopeKey) => {
            opened.push(scopeKey)
            return new InMemorySyncStore()
        },
        user: username,
    }
}

describe('a run started from the app', () => {
    it('refuses to start before the connector is set up, saying why', async () => {
        const deps = await asUser('operator', 'Operator123')
        await expect(
            runFromBrowser(
                deps,
                { scope: { streams: 'both' }, dryRun: true },
                {
                    signal: new AbortController().signal,
                    onProgress: () => undefined,
                }
            )
        ).rejects.toThrow(/not set up yet/)
    })

    it('dry-runs through the route as an import operator, records the report, and lists it', async () => {
        const admin = await asUser('admin', 'district')
        await admin.engine.mutate({
            type: 'create',
            resource: 'routes',
            data: routeBody({
                ...EMPTY_ROUTE_FORM,
                url: opensrp.url,
                username: 'opensrp-admin',
                password: 'Admin123',
            }),
        })
        expect(
            await saveSettings(admin.kv, defaultSettings({ uidSalt: 'sandbox-salt-0123456789' }))
        ).toEqual({ ok: true })
        expect(await saveMappings(admin.kv, bdMappings())).toEqual({ ok: true })

        const operator = await asUser('operator', 'Operator123')
        opened = []
        const phases: RunPhase[] = []
        const outcome = await runFromBrowser(
            operator,
            { scope: { streams: 'tracker' }, dryRun: true },
            {
                signal: new AbortController().signal,
                onProgress: (p) => {
                    if (phases.at(-1) !== p.phase) phases.push(p.phase)
                },
            }
        )
        expect(opened).toEqual(['all'])
        expect(outcome.summary.dryRun).toBe(true)
        expect(outcome.summary.status).not.toBe('failed')
        expect(outcome.progress.pulled).toBeGreaterThan(0)
        expect(phases).toEqual(expect.arrayContaining(['reading-configuration', 'syncing-clients']))
        const index = parseRunIndex(await operator.kv.read(RUN_INDEX_KEY))
        expect(index[0]).toMatchObject({ id: outcome.runId, user: 'operator', dryRun: true })
    })
})

describe('retry keys', () => {
    it('ask for the client and the event of each OpenSRP id', () => {
        expect(retryKeysOf(['abc'])).toEqual(['client:abc', 'event:abc'])
    })
})
