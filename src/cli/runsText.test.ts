/** @jest-environment node */
import type { RunIndexEntry, RunReport } from '../core/runs/reportRecord'
import type { RecordError } from '../core/summary/types'
import { describeScope, formatRunList, formatRunReport, groupByCode } from './runsText'

const error = (sourceId: string, code: string, orgUnit?: string): RecordError => ({
    sourceId,
    recordKind: 'event',
    kind: code.startsWith('E') ? 'rejected' : 'mapping',
    code,
    message: `message for ${code}`,
    ...(orgUnit ? { orgUnit } : {}),
})

const counts = {
    pulled: 40,
    mapped: 0,
    written: 30,
    unchanged: 5,
    skipped: 2,
    failed: 3,
    batches: 4,
}

const report: RunReport = {
    version: 1,
    id: 'run-1',
    user: 'operator',
    trigger: 'scheduled',
    host: 'runner-2',
    startedAt: '2024-03-01T10:00:00.000Z',
    finishedAt: '2024-03-01T10:01:05.000Z',
    scope: { streams: 'tracker', orgUnits: ['/Country0001/Dhaka000001'] },
    dryRun: false,
    fingerprint: 'abc123',
    summary: {
        status: 'completed-with-errors',
        dryRun: false,
        tracker: {
            created: 20,
            updated: 10,
            deleted: 0,
            unchanged: 5,
            failed: 3,
            skipped: 2,
            waiting: 0,
        },
        errors: [
            error('ev-1', 'E1064', 'Fac00000001'),
            error('ev-2', 'OSRP_NO_ORG_UNIT'),
            error('ev-3', 'E1064', 'Fac00000002'),
        ],
        errorsOmitted: 7,
    },
    counts,
    orgUnits: ['Fac00000001', 'Fac00000002'],
    errorsOmittedByOrgUnit: {},
}

describe('runs as text', () => {
    it('names a scope by its streams, subtree roots and periods', () => {
        expect(describeScope({ streams: 'both' })).toBe('both · whole country')
        expect(
            describeScope({
                streams: 'aggregate',
                orgUnits: ['/A0000000001/B0000000001'],
                periods: ['202401'],
            })
        ).toBe('aggregate · B0000000001 · periods 202401')
    })

    it('lists runs newest first as a table, dry runs marked', () => {
        const entry: RunIndexEntry = {
            id: 'run-1',
            key: 'run.20240301T100000000Z.run-1',
            startedAt: report.startedAt,
            finishedAt: report.finishedAt,
            status: 'succeeded',
            user: 'operator',
            trigger: 'manual',
            dryRun: true,
            scope: { streams: 'both' },
            orgUnitCount: 0,
            counts,
            errorCount: 0,
        }
        const lines = formatRunList([entry]).trimEnd().split('\n')
        expect(lines[0]).toMatch(/^STARTED \(UTC\)\s+ID\s+STATUS/)
        expect(lines[1]).toMatch(
            /^2024-03-01 10:00\s+run-1\s+succeeded \(dry run\)\s+manual\s+operator\s+both · whole country\s+40\s+30\s+0$/
        )
        expect(formatRunList([])).toBe('No run reports yet.\n')
    })

    it('groups errors by code, the biggest group first, each explained', () => {
        const groups = groupByCode(report.summary.errors)
        expect(groups.map((g) => [g.code, g.count, g.sourceIds])).toEqual([
            ['E1064', 2, ['ev-1', 'ev-3']],
            ['OSRP_NO_ORG_UNIT', 1, ['ev-2']],
        ])
        expect(groups[0]?.explanation.action).toEqual(expect.any(String))
    })

    it('shows a run with its counts, problems by code with what to do, every kept error by OpenSRP id, and what was left out', () => {
        const text = formatRunReport(report)
        expect(text).toContain('Run run-1: completed-with-errors')
        expect(text).toContain('by operator (scheduled) on runner-2')
        expect(text).toContain('(1:05)')
        expect(text).toContain('scope: tracker · Dhaka000001')
        expect(text).toContain(
            'Counts: 40 read, 30 written, 5 unchanged, 2 skipped, 3 failed, 4 batches'
        )
        expect(text).toMatch(/E1064 × 2: .+\n\s+What to do: .+\n\s+OpenSRP ids: ev-1, ev-3/)
        expect(text).toContain(
            '  ev-1 [E1064] rejected event (org unit Fac00000001): message for E1064'
        )
        expect(text).toContain('7 more errors were counted but not kept')
    })

    it('says why a run stopped', () => {
        const stopped = {
            ...report,
            summary: {
                ...report.summary,
                status: 'failed' as const,
                errors: [],
                errorsOmitted: 0,
                failure: { code: 'RUN_LOCK_LOST', message: 'Another run took over.' },
            },
        }
        expect(formatRunReport(stopped)).toContain(
            'Stopped [RUN_LOCK_LOST]: Another run took over.'
        )
        expect(formatRunReport(stopped)).toContain('No per-record errors.')
    })
})
