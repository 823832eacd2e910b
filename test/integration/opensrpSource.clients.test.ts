/**
 * @jest-environment node
 */
import { send } from '../../sandbox/opensrp/httpClient'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'
import { createOpenSrpSource } from '../../src/adapters/opensrp/source'
import { createTransport } from '../../src/adapters/opensrp/transport'
import type { StreamCheckpoint } from '../../src/core/sync/overlapCursor'

import { ADMIN_BASIC, adminAuth, CHILDREN, REALISTIC_OVERLAP, SEED } from './support/eventDelivery'

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
