/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { quickSleep } from '../faults/support/clocks'
import {
    CLEAN_VERDICT,
    expectReportedAsInSummary,
    resumeUntilSettled,
    runBoth,
    startFaultHarness,
    verdict,
} from '../faults/support/scenario'
import { startFaultProxy, type FaultProxy, type FaultRule } from '../faults/support/faultProxy'
import { brokenPage } from './support/corpus'

/**
 * Issue 12's bad-input corpus, whole pages: OpenSRP (or something in front of it) answers a page
 * of events with JSON cut off halfway, a login page, or JSON of the wrong shape. None of its
 * records can be read, so none may be skipped either: the run stops before that page with a
 * message that says what came back, and the next run, once OpenSRP answers properly, writes
 * everything once.
 */

const PAGES: Array<[string, string, string, RegExp]> = [
    [
        'JSON cut off halfway',
        'truncated.json',
        'application/json;charset=UTF-8',
        /not complete JSON|cut off/,
    ],
    ['a login page', 'login.html', 'text/html;charset=UTF-8', /login page/],
    [
        'JSON of the wrong shape',
        'wrongShape.json',
        'application/json',
        /without the expected list 'events'/,
    ],
]

const eventsPage = (
    file: string,
    contentType: string,
    times: (n: number) => boolean
): FaultRule => ({
    when: (r) => r.method === 'GET' && r.path === '/rest/event/getAll',
    times,
    action: { kind: 'rewrite', body: () => brokenPage(file), contentType },
})

describe('OpenSRP answering a page of events that cannot be read (DHIS2 2.42)', () => {
    it.each(PAGES)(
        'with %s every time: the run stops with a report that says so, and the next good run loses nothing',
        async (_, file, contentType, said) => {
            let opensrp: FaultProxy | undefined
            const f = await startFaultHarness(42, {
                transport: { sleep: quickSleep, timeoutMs: 2000, retry: { maxAttempts: 3 } },
                opensrpFront: async (url) => (opensrp = await startFaultProxy(url)),
            })
            try {
                opensrp?.setRules([eventsPage(file, contentType, () => true)])
                const run = await runBoth(f)
                opensrp?.setRules([])
                const report = await expectReportedAsInSummary(f, run)
                expect(report.summary.status).toBe('failed')
                expect(report.summary.failure?.code).toMatch(/^OPENSRP_/)
                expect(report.summary.failure?.message).toMatch(said)
                // The clients before it were written; the events wait for a readable page.
                expect(run.summary.tracker?.created).toBeGreaterThan(0)
                await resumeUntilSettled(f)
                const v = await verdict(f)
                expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
            } finally {
                await opensrp?.close()
                await f.close()
            }
        }
    )

    it('with JSON cut off halfway once: the page is read again and the run finishes', async () => {
        let opensrp: FaultProxy | undefined
        const f = await startFaultHarness(42, {
            transport: { sleep: quickSleep, timeoutMs: 2000, retry: { maxAttempts: 3 } },
            opensrpFront: async (url) => (opensrp = await startFaultProxy(url)),
        })
        try {
            opensrp?.setRules([eventsPage('truncated.json', 'application/json', (n) => n === 1)])
            const run = await runBoth(f)
            expect(opensrp?.injected).toHaveLength(1)
            expect(run.summary.status).not.toBe('failed')
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await opensrp?.close()
            await f.close()
        }
    })
})
