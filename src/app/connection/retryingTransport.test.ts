import { OpenSrpError } from '../../adapters/opensrp/errors'
import type { RequestSpec } from '../../adapters/opensrp/transport'
import { retryingTransport } from './retryingTransport'

const spec: RequestSpec = { method: 'GET', path: '/rest/event/getAll' }
const noSleep = { sleep: async () => undefined }
const policy = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 }

describe('retryingTransport', () => {
    it('asks again after a temporary failure and returns the answer', async () => {
        const answers: Array<unknown> = [new OpenSrpError('server-error', 'down'), { events: [] }]
        const transport = retryingTransport(
            {
                request: async () => {
                    const next = answers.shift()
                    if (next instanceof Error) throw next
                    return next
                },
            },
            noSleep,
            policy
        )
        await expect(transport.request(spec)).resolves.toEqual({ events: [] })
    })

    it('gives up after the last attempt', async () => {
        let calls = 0
        const transport = retryingTransport(
            {
                request: async () => {
                    calls++
                    throw new OpenSrpError('network', 'unreachable')
                },
            },
            noSleep,
            policy
        )
        await expect(transport.request(spec)).rejects.toThrow('unreachable')
        expect(calls).toBe(3)
    })

    it('does not repeat a permanent failure', async () => {
        let calls = 0
        const transport = retryingTransport(
            {
                request: async () => {
                    calls++
                    throw new OpenSrpError('missing-role', 'no ALL_EVENTS')
                },
            },
            noSleep,
            policy
        )
        await expect(transport.request(spec)).rejects.toThrow('no ALL_EVENTS')
        expect(calls).toBe(1)
    })
})
