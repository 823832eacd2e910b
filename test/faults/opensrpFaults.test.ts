/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { TOKEN_PATH } from '../../sandbox/opensrp'
import { quickSleep } from './support/clocks'
import {
    CLEAN_VERDICT,
    expectReportedAsInSummary,
    resumeUntilSettled,
    runBoth,
    startFaultHarness,
    verdict,
} from './support/scenario'

/**
 * Issue 12, faults on the OpenSRP side of a full sync: 5xx and requests that hang (the transport
 * retries them), OpenSRP failing past its retries at the start of a run and in the middle, access
 * tokens expiring mid-run, and serverVersions that commit out of order. The history says what
 * stopped a run; the next runs end with DHIS2 equal to the oracle from OpenSRP's raw records.
 */

const patient = { sleep: quickSleep, timeoutMs: 300, retry: { maxAttempts: 8 } }
const impatient = { sleep: quickSleep, timeoutMs: 300, retry: { maxAttempts: 2 } }

describe('OpenSRP failing under a full sync (DHIS2 2.42)', () => {
    it('answers 5xx and hangs now and then: the retries absorb it, nothing lost or doubled', async () => {
        const f = await startFaultHarness(42, { transport: patient })
        try {
            f.h.opensrpSandbox.setFaults({ errorRate: 0.2, timeoutRate: 0.05, seed: 4 })
            const run = await runBoth(f)
            const before = f.h.opensrpSandbox.stats().requests
            f.h.opensrpSandbox.setFaults(undefined)
            expect(run.summary.status).not.toBe('failed')
            // More requests than pages: the faults happened and were retried.
            expect(before).toBeGreaterThan(10)
            await expectReportedAsInSummary(f, run)
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })

    it('is down when the run starts: the run ends failed with OPENSRP_UNREACHABLE in its report', async () => {
        const f = await startFaultHarness(42, { transport: impatient })
        try {
            f.h.opensrpSandbox.setFaults({ errorRate: 1, seed: 1 })
            const run = await runBoth(f)
            f.h.opensrpSandbox.setFaults(undefined)
            const report = await expectReportedAsInSummary(f, run)
            expect(report.summary.status).toBe('failed')
            expect(report.summary.failure).toEqual({
                code: 'OPENSRP_UNREACHABLE',
                message: expect.stringMatching(/OpenSRP had a server error \(50\d\)/),
            })
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })

    it('stops answering mid-run: the run ends failed where it was, and a resume goes on from there', async () => {
        const f = await startFaultHarness(42, {
            transport: impatient,
            source: { pageSize: 30 },
        })
        try {
            let batches = 0
            const run = await runBoth(f, {
                onProgress: () => {
                    if (++batches === 4) f.h.opensrpSandbox.setFaults({ timeoutRate: 1, seed: 2 })
                },
            })
            f.h.opensrpSandbox.setFaults(undefined)
            const report = await expectReportedAsInSummary(f, run)
            expect(report.summary.status).toBe('failed')
            expect(report.summary.failure).toEqual({
                code: 'OPENSRP_UNREACHABLE',
                message: 'OpenSRP did not answer in time.',
            })
            expect(run.summary.tracker?.created).toBeGreaterThan(0)
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })

    it('lets access tokens lapse and revokes them mid-run (OAuth2): the run signs in again and finishes', async () => {
        const f = await startFaultHarness(42, {
            opensrpAuth: 'oauth2',
            // Two-second tokens lapse during the run; revoking them all forces the 401 path too.
            opensrp: { tokenTtlSeconds: 2 },
            source: { pageSize: 30 },
        })
        try {
            let batches = 0
            const run = await runBoth(f, {
                onProgress: () => {
                    if (++batches % 3 === 0) f.h.opensrpSandbox.expireAllTokens()
                },
            })
            expect(batches).toBeGreaterThan(6)
            expect(run.summary.status).not.toBe('failed')
            expect(f.h.opensrpSandbox.stats().byPath[TOKEN_PATH]).toBeGreaterThanOrEqual(3)
            await expectReportedAsInSummary(f, run)
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })
})

describe.each([40, 42] as const)(
    'OpenSRP committing serverVersions out of order (DHIS2 2.%i)',
    (minor) => {
        it('finds the late commits on the next run and ends with nothing lost or doubled', async () => {
            const f = await startFaultHarness(minor, {
                opensrp: { nonMonotonic: true },
                source: { pageSize: 30 },
            })
            try {
                const first = await runBoth(f)
                expect(first.summary.status).not.toBe('failed')
                // The next scheduled run re-reads below its cursor and finds rows that were held.
                const second = await runBoth(f)
                expect(second.summary.tracker?.created).toBeGreaterThan(0)
                await resumeUntilSettled(f)
                const v = await verdict(f)
                expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
            } finally {
                await f.close()
            }
        })
    }
)
