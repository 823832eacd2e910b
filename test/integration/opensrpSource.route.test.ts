/**
 * @jest-environment node
 */
import { send } from '../../sandbox/opensrp/httpClient'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import type { OpenSrpConnection } from '../../src/adapters/opensrp/connection'
import { OpenSrpError } from '../../src/adapters/opensrp/errors'
import { createOpenSrpSource } from '../../src/adapters/opensrp/source'
import { createTransport } from '../../src/adapters/opensrp/transport'

import { CHILDREN, expectExactlyOnce, SEED, truth, twoRuns } from './support/eventDelivery'

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
