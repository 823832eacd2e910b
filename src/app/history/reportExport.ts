import type { RunReport } from '../../core/runs/reportRecord'
import { toCsv } from './csv'

const CSV_HEADER = [
    'sourceId',
    'recordKind',
    'kind',
    'code',
    'orgUnit',
    'orgUnitName',
    'period',
    'uid',
    'message',
]

/** The report's per-record errors as CSV (safe to open in a spreadsheet). */
export function errorsCsv(
    report: RunReport,
    nameOf: (orgUnit: string) => string | undefined
): string {
    return toCsv(
        CSV_HEADER,
        report.summary.errors.map((e) => [
            e.sourceId,
            e.recordKind,
            e.kind,
            e.code,
            e.orgUnit,
            e.orgUnit ? nameOf(e.orgUnit) : undefined,
            e.period,
            e.uid,
            e.message,
        ])
    )
}

export const reportJson = (report: RunReport): string => `${JSON.stringify(report, null, 2)}\n`

/** `opensrp-run-2024-06-03T08-00-00-abc.csv`: sortable, and safe on every file system. */
export const reportFileName = (report: RunReport, extension: 'json' | 'csv'): string =>
    `opensrp-run-${report.startedAt.slice(0, 19).replace(/:/g, '-')}-${report.id}.${extension}`
