/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { startDhis2Sandbox, type Dhis2Sandbox } from '../../sandbox/dhis2'
import { ADMIN_BASIC, startOpenSrpSandbox, type OpenSrpSandbox } from '../../sandbox/opensrp'
import { createDataStoreKeyValueStore } from '../../src/adapters/dhis2/dataStore'
import { createNodeEngine } from '../../src/adapters/dhis2/engine'
import { systemClock } from '../../src/adapters/runner/systemClock'
import { acquireRunLock } from '../../src/core/runs/lock'
import {
    counts,
    createOpenSrpRoute,
    dataStoreKeys,
    dhis2Get,
    dhis2State,
    newHome,
    runCli,
    type CliEnv,
    type Raw,
} from './cliSupport'

/**
 * DESIGN §8, "Past one machine": two headless runners, each over one of two sibling unions of
 * Kaliakair Upazila (Mouchak Union with the package's 5 EPI centres, Kaliakair Union 1 with 8
 * generated ones), run at the same time against one DHIS2, each with its own lock, cursors and
 * local store, and together leave DHIS2 exactly as one national run leaves another DHIS2 with
 * the same configuration and UID salt (tracked entities, enrollments, events and data values,
 * compared as DHIS2 returns them).
 */

jest.setTimeout(240_000)

const MOUCHAK = 'TJVyV3rXr9T'
const LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'
const SOURCE_ID_DE = 'lr2sazXdXWr'

let opensrp: OpenSrpSandbox
let split: Dhis2Sandbox
let whole: Dhis2Sandbox
let splitEnv: CliEnv
let wholeEnv: CliEnv
let union1 = ''
const paths = new Map<string, string>()

const list = (body: Raw, key: string) => (Array.isArray(body[key]) ? (body[key] as Raw[]) : [])

async function opensrpAll(resource: string): Promise<Raw[]> {
    const response = await fetch(`${opensrp.url}/${resource}?serverVersion=0&limit=100000`, {
        headers: { Authorization: ADMIN_BASIC },
    })
    const body = (await response.json()) as Raw[] | Raw
    return Array.isArray(body) ? body : list(body, 'events')
}

beforeAll(async () => {
    opensrp = await startOpenSrpSandbox({ children: 40, seed: 16, facilities: 13 })
    split = await startDhis2Sandbox({ minor: 42, facilities: 13, latencyMs: 20 })
    whole = await startDhis2Sandbox({ minor: 42, facilities: 13 })
    for (const dhis2 of [split, whole]) await createOpenSrpRoute(dhis2.url, opensrp.url)
    splitEnv = { DHIS2_URL: split.url, DHIS2_TOKEN: split.operatorToken, HOME: newHome() }
    wholeEnv = { DHIS2_URL: whole.url, DHIS2_TOKEN: whole.operatorToken, HOME: newHome() }
    expect((await runCli(['init'], splitEnv)).code).toBe(0)
    const file = `${splitEnv.HOME}/config.json`
    expect((await runCli(['config', 'export', file], splitEnv)).code).toBe(0)
    expect((await runCli(['config', 'import', file], wholeEnv)).code).toBe(0)
    const units = list(
        await dhis2Get(
            split.url,
            'organisationUnits?paging=false&fields=id,name,path,attributeValues[value,attribute[id]]'
        ),
        'organisationUnits'
    )
    for (const unit of units) {
        paths.set(String(unit.id), String(unit.path))
        for (const value of (unit.attributeValues as Raw[] | undefined) ?? []) {
            const attribute = (value.attribute as Raw | undefined)?.id
            if (attribute === LOCATION_ATTRIBUTE)
                paths.set(`location:${String(value.value)}`, String(unit.path))
        }
    }
    union1 = String(units.find((u) => u.name === 'Kaliakair Union 1')?.id ?? '')
    expect(union1).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/)
})

afterAll(async () => {
    await split?.close()
    await whole?.close()
    await opensrp?.close()
})

const unionOf = (locationId: unknown) => {
    const path = paths.get(`location:${String(locationId)}`) ?? ''
    return path.includes(MOUCHAK) ? MOUCHAK : path.includes(union1) ? union1 : undefined
}

describe('runs partitioned by org unit subtree', () => {
    let straddling: Raw[] = []

    it('starts from data where some children were vaccinated in the other union than their home', async () => {
        const clients = new Map(
            (await opensrpAll('rest/client/getAll')).map((c) => [c.baseEntityId, c])
        )
        const events = await opensrpAll('rest/event/getAll')
        straddling = events.filter((e) => {
            const home = unionOf(clients.get(e.baseEntityId)?.locationId)
            const place = unionOf(e.locationId)
            return e.eventType === 'Vaccination' && home && place && home !== place
        })
        expect(straddling.length).toBeGreaterThan(0)
        // Every event and every child lies in one of the two unions: together they are the country.
        expect(events.filter((e) => !unionOf(e.locationId))).toEqual([])
    })

    it('keeps a subtree run and an overlapping run apart, lets a sibling subtree through, and refuses an unknown org unit', async () => {
        const { engine, version } = await createNodeEngine({
            baseUrl: split.url,
            auth: { type: 'basic', username: 'admin', password: 'district' },
        })
        const kv = createDataStoreKeyValueStore(engine, version)
        const held = await acquireRunLock(kv, systemClock, {
            scope: { streams: 'both', orgUnits: [paths.get(MOUCHAK) ?? ''] },
            owner: { user: 'admin', runId: 'mouchak-by-hand', trigger: 'manual' },
            ttlMs: 60_000,
        })
        if (!held.ok) throw new Error('the test could not take the Mouchak lock')
        try {
            const national = await runCli(['sync', '--dry-run'], splitEnv)
            expect(national.code).toBe(2)
            expect(national.stderr).toMatch(
                /held this scope since.*overlapping scope 'ou-TJVyV3rXr9T'/s
            )
            const ward1 = await runCli(
                ['sync', '--dry-run', '--org-units', 'yI54G6cBAtY'],
                splitEnv
            )
            expect(ward1.code).toBe(2)
            const sibling = await runCli(['sync', '--dry-run', '--org-units', union1], splitEnv)
            expect([0, 1]).toContain(sibling.code)
        } finally {
            await held.lock.release()
        }
        const typo = await runCli(['sync', '--org-units', 'Typo0000001'], splitEnv)
        expect(typo.code).toBe(2)
        expect(typo.stderr).toMatch(/DHIS2 has no organisation unit 'Typo0000001'/)
        expect((await dataStoreKeys(split.url)).filter((k) => k.startsWith('lock.'))).toEqual([])
    })

    it('runs two sibling subtrees at the same time, each through the sync endpoint with its own lock and cursors, and ends where one national run ends', async () => {
        const before = opensrp.stats().byPath
        const [a, b] = await Promise.all([
            runCli(['sync', '--json', '--scheduled', '--org-units', MOUCHAK], splitEnv),
            runCli(['sync', '--json', '--scheduled', '--org-units', union1], splitEnv),
        ])
        expect([0, 1]).toContain(a.code)
        expect([0, 1]).toContain(b.code)
        const after = opensrp.stats().byPath
        const requests = (path: string) => (after[path] ?? 0) - (before[path] ?? 0)
        expect(requests('/rest/event/sync')).toBeGreaterThan(0)
        expect(requests('/rest/event/getAll')).toBe(0)

        const runs = (
            JSON.parse((await runCli(['runs', 'list', '--json'], splitEnv)).stdout) as {
                runs: Raw[]
            }
        ).runs
        const ids = [a, b].map((r) => String((JSON.parse(r.stdout) as Raw).runId))
        const [ra, rb] = ids.map((id) => runs.find((r) => r.id === id))
        expect((ra?.scope as Raw).orgUnits).toEqual([paths.get(MOUCHAK)])
        expect((rb?.scope as Raw).orgUnits).toEqual([paths.get(union1)])
        // They ran at the same time: each started before the other finished.
        expect(String(ra?.startedAt) < String(rb?.finishedAt)).toBe(true)
        expect(String(rb?.startedAt) < String(ra?.finishedAt)).toBe(true)
        const keys = await dataStoreKeys(split.url)
        for (const scope of [`ou-${MOUCHAK}`, `ou-${union1}`]) {
            expect(keys).toContain(`cursor.${scope}.clients`)
            expect(keys).toContain(`cursor.${scope}.events`)
        }
        expect(keys.filter((k) => k.startsWith('lock.'))).toEqual([])

        const national = await runCli(['sync', '--json', '--scheduled'], wholeEnv)
        expect([0, 1]).toContain(national.code)
        const wholeRuns = (
            JSON.parse((await runCli(['runs', 'list', '--json'], wholeEnv)).stdout) as {
                runs: Raw[]
            }
        ).runs
        const pulled = (run: Raw | undefined) => Number((run?.counts as Raw | undefined)?.pulled)
        const nationalPulled = pulled(wholeRuns[0])
        // Each runner read its own part; together they read all of it.
        expect(pulled(ra)).toBeLessThan(nationalPulled)
        expect(pulled(rb)).toBeLessThan(nationalPulled)
        expect(pulled(ra) + pulled(rb)).toBeGreaterThanOrEqual(nationalPulled)
        const together = await dhis2State(split.url)
        const alone = await dhis2State(whole.url)
        expect(counts(together).events).toBeGreaterThan(0)
        expect(counts(together).dataValues).toBeGreaterThan(0)
        expect(together).toEqual(alone)

        // The straddling vaccinations are in DHIS2, with their child's tracked entity.
        for (const event of straddling) {
            const ids = [event.formSubmissionId, event._id].map(
                (id) => `${SOURCE_ID_DE}=${String(id)}`
            )
            expect(together.events.some((e) => ids.some((id) => e.includes(id)))).toBe(true)
        }
    })
})
