/**
 * @jest-environment ./test/setup/nodeFetchEnvironment.js
 */
import { dhis2Requests } from './support/faultProxy'
import {
    CLEAN_VERDICT,
    expectReportedAsInSummary,
    resumeUntilSettled,
    runBoth,
    startFaultHarness,
    verdict,
} from './support/scenario'

/**
 * Issue 12: DHIS2 restarts in the middle of a run. Tracker imports are async jobs whose state
 * lives in DHIS2's memory only, so a restart loses a queued job (its batch never written) or the
 * report of a finished one (its batch written, but nobody can say so). Either way the run stops
 * with DHIS2_IMPORT_REPORT_LOST in its report, and a resume writes what is missing once.
 */

describe.each([40, 42] as const)('DHIS2 2.%i restarting mid-run', (minor) => {
    it('loses a queued import job: the report says so, and a resume writes the batch once', async () => {
        const f = await startFaultHarness(minor)
        try {
            let restarts = 0
            f.proxy.onForwarded((request) => {
                // The job of the third batch is accepted, then DHIS2 restarts before running it.
                if (dhis2Requests.trackerImport(request) && ++restarts === 3) f.h.restartDhis2()
            })
            const faulty = await runBoth(f)
            f.proxy.onForwarded(undefined)
            const report = await expectReportedAsInSummary(f, faulty)
            expect(report.summary.status).toBe('failed')
            expect(report.summary.failure?.code).toBe('DHIS2_IMPORT_REPORT_LOST')
            expect(report.summary.failure?.message).toMatch(/restarted/)
            await resumeUntilSettled(f)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })
})

describe('DHIS2 2.42 restarting between a finished job and its report', () => {
    it('loses the report of a written batch: the resume updates it in place, never twice', async () => {
        const f = await startFaultHarness(42)
        try {
            // The first report read of the second job runs it (the sandbox runs due jobs on any
            // request) and answers its report, which the network loses; DHIS2 then restarts,
            // so neither the report nor the job's notifications are there any more.
            f.proxy.setRules([
                {
                    when: dhis2Requests.jobReport,
                    times: (n) => n === 2,
                    action: { kind: 'reset-after' },
                },
            ])
            let reads = 0
            f.proxy.onForwarded((request) => {
                if (dhis2Requests.jobReport(request) && ++reads === 2) f.h.restartDhis2()
            })
            const faulty = await runBoth(f)
            f.proxy.onForwarded(undefined)
            f.proxy.setRules([])
            expect(f.proxy.injected).toHaveLength(1)
            const report = await expectReportedAsInSummary(f, faulty)
            expect(report.summary.failure?.code).toBe('DHIS2_IMPORT_REPORT_LOST')
            const [first] = await resumeUntilSettled(f)
            // The lost batch was in DHIS2 already: the resume found its objects there.
            expect(first?.tracker?.updated).toBeGreaterThan(0)
            const v = await verdict(f)
            expect({ tracker: v.tracker, aggregate: v.aggregate }).toEqual(CLEAN_VERDICT)
        } finally {
            await f.close()
        }
    })
})
