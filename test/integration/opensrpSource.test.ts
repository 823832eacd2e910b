/**
 * @jest-environment node
 */
import { send } from '../../sandbox/opensrp/httpClient'
import {
    startOpenSrpSandbox,
    TOKEN_PATH,
    type OpenSrpSandbox,
    type OpenSrpSandboxOptions,
} from '../../sandbox/opensrp'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import type { OpenSrpConnection } from '../../src/adapters/opensrp/connection'
import { OpenSrpError } from '../../src/adapters/opensrp/errors'
import { createOpenSrpSource } from '../../src/adapters/opensrp/source'
import { createTransport } from '../../src/adapters/opensrp/transport'
import { validateEvent } from '../../src/adapters/opensrp/validate'
import type { EventSelection } from '../../src/core/ports/openSrpSource'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'

const ADMIN_BASIC = `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`
const adminAuth = { type: 'basic', username: 'opensrp-admin', password: 'Admin123' } as const
const SEED = 11
const CHILDREN = 300
/**
 * The adapter's default window. Late commits only happen near the head of a table (the sandbox
 * holds rows within HOLD_SPAN of it), so a window a few thousand versions wide must find them all
 * on the next run; a window the size of the whole dataset would hide an overlap bug.
 */
const REALISTIC_OVERLAP = 2000

interface TruthEvent {
    id: string
    valid: boolean
}

/** Every event of a quirk-free sandbox with the same seed, read in one request: what must come out. */
async function truth(extra: Partial<OpenSrpSandboxOptions> = {}): Promise<Map<string, TruthEvent>> {
    const oracle = await startOpenSrpSandbox({ seed: SEED, children: CHILDREN, ...extra })
    try {
        const response = await send(
            `${oracle.url}/rest/event/getAll?serverVersion=0&limit=1000000`,
            {
                headers: { Authorization: ADMIN_BASIC },
            }
        )
        const { events } = JSON.parse(response.text) as { events: Array<Record<string, unknown>> }
        return new Map(
            events.map((raw) => {
                const id = String(raw._id)
                return [id, { id, valid: validateEvent(raw).ok }]
            })
        )
    } finally {
        await oracle.close()
    }
}

interface Delivery {
    valid: string[]
    quarantined: string[]
    checkpoint: StreamCheckpoint | undefined
}

async function drain(
    connection: OpenSrpConnection,
    from: StreamCheckpoint | undefined,
    selection: EventSelection = { endpoint: 'getAll' },
    onBatch?: (index: number) => void
): Promise<Delivery> {
    const source = createOpenSrpSource(
        createTransport(connection, {
            sleep: async () => undefined,
            retry: { maxAttempts: 12 },
            timeoutMs: 1500,
        }),
        { pageSize: 40, overlap: REALISTIC_OVERLAP }
    )
    const delivery: Delivery = { valid: [], quarantined: [], checkpoint: from }
    let index = 0
    for await (const batch of source.streamEvents(selection, from)) {
        delivery.valid.push(...batch.records.map((e) => e.id))
        delivery.quarantined.push(
            ...batch.quarantined
                .filter((q) => q.recordType === 'event')
                .map((q) => q.recordId ?? '')
        )
        delivery.checkpoint = batch.checkpoint
        onBatch?.(index++)
    }
    return delivery
}

/** A first run, then the next scheduled run that picks up what committed late. */
async function twoRuns(
    connection: OpenSrpConnection,
    onBatch?: (index: number) => void
): Promise<Delivery[]> {
    const first = await drain(connection, undefined, { endpoint: 'getAll' }, onBatch)
    const second = await drain(connection, first.checkpoint)
    return [first, second]
}

function expectExactlyOnce(deliveries: Delivery[], expected: Map<string, TruthEvent>) {
    const valid = deliveries.flatMap((d) => d.valid)
    const quarantined = deliveries.flatMap((d) => d.quarantined)
    const counts = new Map<string, number>()
    for (const id of [...valid, ...quarantined]) counts.set(id, (counts.get(id) ?? 0) + 1)
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id)
    const missing = [...expected.keys()].filter((id) => !counts.has(id))
    expect({ twice, missing }).toEqual({ twice: [], missing: [] })
    expect(valid.sort()).toEqual(
        [...expected.values()]
            .filter((e) => e.valid)
            .map((e) => e.id)
            .sort()
    )
    expect(quarantined.sort()).toEqual(
        [...expected.values()]
            .filter((e) => !e.valid)
            .map((e) => e.id)
            .sort()
    )
}

describe('the OpenSRP source adapter against the OpenSRP sandbox', () => {
    let expected: Map<string, TruthEvent>

    beforeAll(async () => {
        expected = await truth()
    })

    it('has malformed records in the sample, so the quarantine path is exercised', () => {
        expect([...expected.values()].some((e) => !e.valid)).toBe(true)
        expect(expected.size).toBeGreaterThan(CHILDREN)
    })

    it('Basic auth, non-monotonic commits and 20% server errors: every event exactly once', async () => {
        const sandbox = await startOpenSrpSandbox({
            seed: SEED,
            children: CHILDREN,
            nonMonotonic: true,
            faults: { errorRate: 0.2, timeoutRate: 0.03, seed: 5 },
        })
        try {
            const connection: OpenSrpConnection = {
                mode: 'direct',
                baseUrl: sandbox.url,
                auth: adminAuth,
            }
            const first = await drain(connection, undefined)
            // Late commits surface below what the first run already read; the next run's overlap finds them.
            expect(first.valid.length + first.quarantined.length).toBeLessThan(expected.size)
            const second = await drain(connection, first.checkpoint)
            expectExactlyOnce([first, second], expected)
            const third = await drain(connection, second.checkpoint)
            expect(third.valid).toEqual([])
        } finally {
            await sandbox.close()
        }
    })

    it('OAuth2 with the token expiring mid-stream, non-monotonic commits and server errors: every event exactly once', async () => {
        const sandbox: OpenSrpSandbox = await startOpenSrpSandbox({
            seed: SEED,
            children: CHILDREN,
            nonMonotonic: true,
            faults: { errorRate: 0.1, seed: 6 },
        })
        try {
            const connection: OpenSrpConnection = {
                mode: 'direct',
                baseUrl: sandbox.url,
                auth: {
                    type: 'oauth2-password',
                    tokenUrl: `${sandbox.url}${TOKEN_PATH}`,
                    clientId: 'opensrp-server-web',
                    clientSecret: 'sandbox-secret',
                    username: 'opensrp-admin',
                    password: 'Admin123',
                },
            }
            const runs = await twoRuns(connection, (index) => {
                if (index === 2 || index === 5) sandbox.expireAllTokens()
            })
            expectExactlyOnce(runs, expected)
            expect(sandbox.stats().byPath[TOKEN_PATH]).toBeGreaterThanOrEqual(3)
        } finally {
            await sandbox.close()
        }
    })

    it('a server that caps page sizes below what we ask loses nothing', async () => {
        const sandbox = await startOpenSrpSandbox({
            seed: SEED,
            children: CHILDREN,
            pageSizeCap: 13,
        })
        try {
            const result = await drain(
                { mode: 'direct', baseUrl: sandbox.url, auth: adminAuth },
                undefined
            )
            expectExactlyOnce([result], expected)
        } finally {
            await sandbox.close()
        }
    })

    it('reads the events of chosen locations through /rest/event/sync, with an OPENMRS-only user', async () => {
        const sandbox = await startOpenSrpSandbox({ seed: SEED, children: CHILDREN })
        try {
            const chw = { type: 'basic', username: 'chw', password: 'Chw12345' } as const
            const connection: OpenSrpConnection = {
                mode: 'direct',
                baseUrl: sandbox.url,
                auth: chw,
            }
            const locationsResponse = await send(
                `${sandbox.url}/rest/location/getAll?serverVersion=0&limit=1000`,
                {
                    headers: { Authorization: ADMIN_BASIC },
                }
            )
            const locations = JSON.parse(locationsResponse.text) as Array<{
                id: string
                properties: { geographicLevel: number }
            }>
            const facilities = locations
                .filter((l) => l.properties.geographicLevel === 6)
                .map((l) => l.id)
            const first = facilities.slice(0, 2)
            const result = await drain(connection, undefined, {
                endpoint: 'sync',
                locationIds: first,
            })
            expect(result.valid.length).toBeGreaterThan(0)
            const all = await drain(connection, undefined, {
                endpoint: 'sync',
                locationIds: facilities,
            })
            expect(all.valid.length).toBeGreaterThan(result.valid.length)

            const source = createOpenSrpSource(
                createTransport(connection, { sleep: async () => undefined })
            )
            await expect(source.checkConnection({ endpoint: 'getAll' })).rejects.toThrow(
                'This OpenSRP user lacks the ALL_EVENTS role needed for /rest/event/getAll.'
            )
            await expect(
                source.checkConnection({ endpoint: 'sync', locationIds: first })
            ).resolves.toBeUndefined()
        } finally {
            await sandbox.close()
        }
    })

    it('says clearly when OpenSRP rejects the password', async () => {
        const sandbox = await startOpenSrpSandbox({ seed: SEED, children: 0 })
        try {
            const source = createOpenSrpSource(
                createTransport({
                    mode: 'direct',
                    baseUrl: sandbox.url,
                    auth: { type: 'basic', username: 'opensrp-admin', password: 'wrong' },
                })
            )
            const failure = await source
                .checkConnection({ endpoint: 'getAll' })
                .catch((error: unknown) => error)
            expect(failure).toBeInstanceOf(OpenSrpError)
            expect((failure as OpenSrpError).message).toBe(
                'OpenSRP rejected the credentials. Check the username and password.'
            )
        } finally {
            await sandbox.close()
        }
    })
})

describe('streaming OpenSRP clients (client/getAll is ">=", reference §2.3)', () => {
    it('delivers every client exactly once across runs, with non-monotonic commits and server errors', async () => {
        const oracle = await startOpenSrpSandbox({ seed: SEED, children: CHILDREN })
        const all = await send(`${oracle.url}/rest/client/getAll?serverVersion=0&limit=1000000`, {
            headers: { Authorization: ADMIN_BASIC },
        })
        await oracle.close()
        const expectedIds = (JSON.parse(all.text) as Array<{ _id: string }>)
            .map((c) => c._id)
            .sort()
        expect(expectedIds.length).toBeGreaterThan(CHILDREN)

        const sandbox = await startOpenSrpSandbox({
            seed: SEED,
            children: CHILDREN,
            nonMonotonic: true,
            faults: { errorRate: 0.15, seed: 4 },
        })
        try {
            const source = createOpenSrpSource(
                createTransport(
                    { mode: 'direct', baseUrl: sandbox.url, auth: adminAuth },
                    { sleep: async () => undefined, retry: { maxAttempts: 12 } }
                ),
                { pageSize: 37, overlap: REALISTIC_OVERLAP }
            )
            const delivered: string[] = []
            let checkpoint: StreamCheckpoint | undefined
            for (let run = 0; run < 2; run++) {
                for await (const batch of source.streamClients(checkpoint)) {
                    delivered.push(...batch.records.map((c) => c.id))
                    delivered.push(
                        ...batch.quarantined.map((q) => String(Reflect.get(Object(q.raw), '_id')))
                    )
                    checkpoint = batch.checkpoint
                }
            }
            expect(delivered.sort()).toEqual(expectedIds)
        } finally {
            await sandbox.close()
        }
    })
})

/** The route an admin creates in DHIS2 for the connector (reference/dhis2-api.md §3.6). */
async function createOpenSrpRoute(dhis2Url: string, opensrpUrl: string): Promise<void> {
    const admin = `Basic ${Buffer.from('admin:district').toString('base64')}`
    const created = await send(`${dhis2Url}/api/routes`, {
        method: 'POST',
        headers: { Authorization: admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({
            name: 'OpenSRP',
            code: 'opensrp',
            url: `${opensrpUrl}/**`,
            auth: { type: 'http-basic', username: 'opensrp-admin', password: 'Admin123' },
            authorities: ['OPENSRP_CONNECTOR_RUN_IMPORT'],
            sharing: { public: '--------' },
        }),
    })
    expect(created.status).toBeLessThan(300)
}

describe('the OpenSRP source adapter through a DHIS2 route', () => {
    it('streams every event once through /api/routes/opensrp/run, with a DHIS2 token and no OpenSRP credentials', async () => {
        const expected = await truth()
        const opensrp = await startOpenSrpSandbox({
            seed: SEED,
            children: CHILDREN,
            nonMonotonic: true,
            faults: { errorRate: 0.1, seed: 9 },
        })
        const dhis2 = await startDhis2Sandbox({ minor: 42, patch: 5 })
        try {
            await createOpenSrpRoute(dhis2.url, opensrp.url)
            const connection: OpenSrpConnection = {
                mode: 'route',
                dhis2BaseUrl: dhis2.url,
                routeCode: 'opensrp',
                dhis2ApiToken: dhis2.operatorToken,
            }
            expectExactlyOnce(await twoRuns(connection), expected)

            const missing = createOpenSrpSource(
                createTransport(
                    { ...connection, routeCode: 'opensrp-typo' },
                    { sleep: async () => undefined }
                )
            )
            await expect(missing.checkConnection({ endpoint: 'getAll' })).rejects.toThrow(
                "The route 'opensrp-typo' does not exist in DHIS2."
            )
        } finally {
            await dhis2.close()
            await opensrp.close()
        }
    })
})

describe('a DHIS2 route whose OpenSRP is down', () => {
    it.each([
        [41, 503],
        [42, 502],
    ] as const)('on 2.%i says DHIS2 could not reach OpenSRP (%i)', async (minor, status) => {
        const opensrp = await startOpenSrpSandbox({ children: 0 })
        await opensrp.close()
        const dhis2 = await startDhis2Sandbox({ minor })
        try {
            await createOpenSrpRoute(dhis2.url, opensrp.url)
            const source = createOpenSrpSource(
                createTransport(
                    {
                        mode: 'route',
                        dhis2BaseUrl: dhis2.url,
                        routeCode: 'opensrp',
                        dhis2ApiToken: dhis2.operatorToken,
                    },
                    { sleep: async () => undefined, retry: { maxAttempts: 2 } }
                )
            )
            const failure = await source
                .checkConnection({ endpoint: 'getAll' })
                .catch((error: unknown) => error)
            expect(failure).toBeInstanceOf(OpenSrpError)
            expect((failure as OpenSrpError).status).toBe(status)
            expect((failure as OpenSrpError).message).toMatch(
                new RegExp(
                    `^DHIS2 could not reach OpenSRP through the route 'opensrp' \\(${status}`
                )
            )
        } finally {
            await dhis2.close()
        }
    })
})

describe('locations mirror the DHIS2 org units in both sandboxes', () => {
    it.each([
        [5, false],
        [12, false],
        [7, true],
    ])('with %i facilities (location ids are org unit UIDs: %p)', async (facilities, uidsAsIds) => {
        const opensrp = await startOpenSrpSandbox({
            children: 0,
            facilities,
            locationIdsAsOrgUnitUids: uidsAsIds,
        })
        const dhis2 = await startDhis2Sandbox({ facilities })
        try {
            const source = createOpenSrpSource(
                createTransport({ mode: 'direct', baseUrl: opensrp.url, auth: adminAuth }),
                { pageSize: 4 }
            )
            const { locations, quarantined } = await source.listLocations()
            expect(quarantined).toEqual([])
            const admin = `Basic ${Buffer.from('admin:district').toString('base64')}`
            const response = await send(
                `${dhis2.url}/api/organisationUnits?paging=false&fields=id,code,name,level,attributeValues[value,attribute[id]]`,
                { headers: { Authorization: admin } }
            )
            const { organisationUnits } = JSON.parse(response.text) as {
                organisationUnits: Array<{
                    id: string
                    code: string
                    name: string
                    level: number
                    attributeValues: Array<{ value: string; attribute: { id: string } }>
                }>
            }
            const fromDhis2 = organisationUnits
                .map((ou) => ({
                    id: uidsAsIds
                        ? ou.id
                        : ou.attributeValues.find((v) => v.attribute.id === 'DdF4IJAsTOS')?.value,
                    code: ou.code,
                    name: ou.name,
                    level: ou.level,
                }))
                .sort((a, b) => a.code.localeCompare(b.code))
            const fromOpenSrp = locations
                .map((l) => ({ id: l.id, code: l.code, name: l.name, level: l.geographicLevel }))
                .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''))
            expect(fromOpenSrp).toEqual(fromDhis2)
            expect(fromOpenSrp.filter((l) => l.level === 6)).toHaveLength(facilities)
        } finally {
            await dhis2.close()
            await opensrp.close()
        }
    })
})
