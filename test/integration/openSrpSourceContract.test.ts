/**
 * @jest-environment node
 */
import { startOpenSrpSandbox } from '../../sandbox/opensrp'
import { send } from '../../sandbox/opensrp/httpClient'
import { createOpenSrpSource } from '../../src/adapters/opensrp/source'
import { createTransport } from '../../src/adapters/opensrp/transport'
import { describeOpenSrpSourceContract } from '../contracts/openSrpSource.contract'

// The assertions live in the shared contract, so the fake and the real adapter prove the same things.
describeOpenSrpSourceContract('axios adapter against the OpenSRP sandbox', async () => {
    const sandbox = await startOpenSrpSandbox({ children: 0 })
    const source = createOpenSrpSource(
        createTransport({
            mode: 'direct',
            baseUrl: sandbox.url,
            auth: { type: 'basic', username: 'opensrp-admin', password: 'Admin123' },
        }),
        { pageSize: 5 }
    )
    return {
        source,
        upload: async (records) => {
            const response = await send(`${sandbox.url}/rest/event/add`, {
                method: 'POST',
                headers: {
                    Authorization: `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`,
                    'Content-Type': 'application/json',
                },
                body: JSON.stringify(records),
            })
            if (response.status !== 201) throw new Error(`event/add answered ${response.status}`)
        },
        close: () => sandbox.close(),
    }
})
