/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import http from 'http'
import { busyTimer, routeOf, startCountingProxy, type CapturedRequest } from './countingProxy'

describe('the counting proxy', () => {
    it('groups requests by route, with ids (not words) replaced', () => {
        expect(routeOf('POST', '/api/enrollments?strategy=CREATE')).toBe('POST /api/enrollments')
        expect(routeOf('GET', '/api/tracker/jobs/Ab3dEf6hIj9/report')).toBe(
            'GET /api/tracker/jobs/:id/report'
        )
        expect(routeOf('GET', '/rest/client/4a3c2cb7-5341-4074-a9e7-ce3b1b22d0cd')).toBe(
            'GET /rest/client/:id'
        )
    })

    it('counts overlapping requests as one stretch of waiting', () => {
        let now = 0
        const busy = busyTimer(() => now)
        busy.start()
        now = 10
        busy.start()
        now = 30
        busy.end()
        now = 40
        busy.end()
        now = 100
        busy.start()
        now = 105
        busy.end()
        expect(busy.totalMs()).toBe(45)
    })

    it('forwards requests, counts them and captures the bodies it is asked for', async () => {
        const target = http.createServer((req, res) => {
            req.resume()
            req.on('end', () => {
                res.writeHead(200, { 'Content-Type': 'application/json' })
                res.end(JSON.stringify({ path: req.url }))
            })
        })
        await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
        const address = target.address()
        const port = typeof address === 'object' && address ? address.port : 0
        const captured: CapturedRequest[] = []
        const proxy = await startCountingProxy({
            target: `http://127.0.0.1:${port}`,
            captureWhen: (method) => method === 'POST',
            capture: (request) => captured.push(request),
        })
        try {
            const answer = await fetch(`${proxy.url}/api/tracker?async=true`, {
                method: 'POST',
                body: '{"events":[]}',
            })
            expect(await answer.json()).toEqual({ path: '/api/tracker?async=true' })
            await (await fetch(`${proxy.url}/api/system/info`)).text()
            const counts = proxy.counts()
            expect(counts.requests).toBe(2)
            expect(counts.byRoute).toEqual({ 'POST /api/tracker': 1, 'GET /api/system/info': 1 })
            expect(captured).toEqual([
                { method: 'POST', url: '/api/tracker?async=true', body: '{"events":[]}' },
            ])
        } finally {
            await proxy.close()
            target.closeAllConnections()
            await new Promise<void>((resolve) => target.close(() => resolve()))
        }
    })
})
