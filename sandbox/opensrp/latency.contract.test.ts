/**
 * @jest-environment node
 */
import { TokenService } from './auth'
import { FaultInjector } from './faults'
import { buildGeography } from './geography'
import { GeneratedDataset } from './generator/dataset'
import { buildLocations } from './locations'
import { SandboxServer } from './server'
import { RecordStore } from './store'
import { call } from './testSupport'

// Pins `latencyMs`: every request waits out the configured delay before it is answered. The
// sleep is injected, so nothing here depends on the wall clock.

async function start(latencyMs: number, sleep: (ms: number) => Promise<void>) {
    const geography = buildGeography(1, false)
    const dataset = new GeneratedDataset({
        seed: 1,
        children: 0,
        facilities: geography.facilities.length,
        facilityList: geography.facilities,
    })
    const server = new SandboxServer(
        {
            store: new RecordStore(dataset, false),
            geography,
            locations: buildLocations(geography),
            tokens: new TokenService(300, () => ''),
            baseUrl: () => '',
        },
        { latencyMs, corsOrigins: [], faults: new FaultInjector(undefined, 1), sleep }
    )
    const port = await server.listen(0, '127.0.0.1')
    return { server, url: `http://127.0.0.1:${port}` }
}

it('holds each response until the latency sleep has finished', async () => {
    let entered = (): void => undefined
    let release = (): void => undefined
    const sleeping = new Promise<void>((resolve) => (entered = resolve))
    const sleep = jest.fn(() => {
        entered()
        return new Promise<void>((resolve) => (release = resolve))
    })
    const { server, url } = await start(250, sleep)
    try {
        let answered = false
        const pending = call({ url }, '/security/configuration').then((r) => {
            answered = true
            return r
        })
        await Promise.race([sleeping, pending])
        expect(sleep).toHaveBeenCalledWith(250)
        await new Promise((resolve) => setImmediate(resolve))
        expect(answered).toBe(false)
        release()
        expect((await pending).status).toBe(200)
        expect(sleep).toHaveBeenCalledTimes(1)
    } finally {
        await server.close()
    }
})

it('does not sleep when latencyMs is 0', async () => {
    const sleep = jest.fn(() => Promise.resolve())
    const { server, url } = await start(0, sleep)
    try {
        expect((await call({ url }, '/security/configuration')).status).toBe(200)
        expect(sleep).not.toHaveBeenCalled()
    } finally {
        await server.close()
    }
})
