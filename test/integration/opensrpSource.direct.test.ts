/**
 * @jest-environment node
 */
import { send } from '../../sandbox/opensrp/httpClient'
import { startOpenSrpSandbox, TOKEN_PATH, type OpenSrpSandbox } from '../../sandbox/opensrp'
import type { OpenSrpConnection } from '../../src/adapters/opensrp/connection'
import { OpenSrpError } from '../../src/adapters/opensrp/errors'
import { createOpenSrpSource } from '../../src/adapters/opensrp/source'
import { createTransport } from '../../src/adapters/opensrp/transport'

import {
    ADMIN_BASIC,
    adminAuth,
    CHILDREN,
    drain,
    expectExactlyOnce,
    SEED,
    truth,
    twoRuns,
    type TruthEvent,
} from './support/eventDelivery'

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
