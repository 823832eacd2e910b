import type { RecordError, RunSummary } from '../summary/types'
import type { RunTrigger } from './lockRecord'
import type { RunCounts } from './progress'
import { redactRecordError, redactText } from './redact'
import type { RunReport } from './reportRecord'
import type { RunScope } from './scope'

/** What a run hands over at its end; saveRunReport turns it into the RunReport it stores. */
export interface RunReportInput {
    id: string
    user: string
    trigger: RunTrigger
    host?: string
    startedAt: string
    finishedAt: string
    scope: RunScope
    dryRun: boolean
    fingerprint: string
    summary: RunSummary
    counts: RunCounts
    /** Org units the run touched beyond those its errors name (optional). */
    orgUnits?: string[]
}

export interface PrepareReportOptions {
    maxErrorsPerReport: number
    /** Longest error message kept (characters); 500 unless given. */
    maxMessageLength?: number
}

export const DEFAULT_MAX_MESSAGE_LENGTH = 500

/**
 * At most `max` errors, taken in turn from each org unit (errors without one form a group too),
 * so one facility with a thousand failures does not hide every other facility's rows. The kept
 * errors stay in their original order; the rest are counted per org unit.
 */
export function keepErrorsFairly(
    errors: RecordError[],
    max: number
): { kept: RecordError[]; omittedByOrgUnit: Record<string, number> } {
    if (errors.length <= max) return { kept: errors, omittedByOrgUnit: {} }
    const groups = new Map<string | undefined, number[]>()
    errors.forEach((error, index) => {
        const group = groups.get(error.orgUnit)
        if (group) group.push(index)
        else groups.set(error.orgUnit, [index])
    })
    const chosen = new Set<number>()
    for (let round = 0; chosen.size < max; round++) {
        for (const group of groups.values()) {
            const index = group[round]
            if (index !== undefined && chosen.size < max) chosen.add(index)
        }
    }
    const omittedByOrgUnit: Record<string, number> = {}
    errors.forEach((error, index) => {
        if (!chosen.has(index) && error.orgUnit !== undefined)
            omittedByOrgUnit[error.orgUnit] = (omittedByOrgUnit[error.orgUnit] ?? 0) + 1
    })
    return { kept: errors.filter((_, index) => chosen.has(index)), omittedByOrgUnit }
}

/** Redacts, caps and indexes a finished run's report; nothing else an input carried is kept. */
export function prepareRunReport(input: RunReportInput, options: PrepareReportOptions): RunReport {
    const maxLength = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH
    const max = Math.max(0, Math.floor(options.maxErrorsPerReport))
    const { summary } = input
    const errors = summary.errors.map((e) => redactRecordError(e, maxLength))
    const orgUnits = [
        ...new Set([
            ...(input.orgUnits ?? []),
            ...errors.flatMap((e) => (e.orgUnit !== undefined ? [e.orgUnit] : [])),
        ]),
    ].sort()
    const { kept, omittedByOrgUnit } = keepErrorsFairly(errors, max)
    const aggregate = summary.aggregate && {
        ...summary.aggregate,
        heldBack: summary.aggregate.heldBack.map((h) => ({
            ...h,
            message: redactText(h.message, maxLength),
        })),
    }
    return {
        version: 1,
        id: input.id,
        user: input.user,
        trigger: input.trigger,
        ...(input.host !== undefined ? { host: input.host } : {}),
        startedAt: input.startedAt,
        finishedAt: input.finishedAt,
        scope: input.scope,
        dryRun: input.dryRun,
        fingerprint: input.fingerprint,
        summary: {
            status: summary.status,
            dryRun: summary.dryRun,
            ...(summary.tracker ? { tracker: { ...summary.tracker } } : {}),
            ...(aggregate ? { aggregate } : {}),
            errors: kept,
            errorsOmitted: summary.errorsOmitted + (errors.length - kept.length),
            ...(summary.failure
                ? {
                      failure: {
                          code: summary.failure.code,
                          message: redactText(summary.failure.message, maxLength),
                      },
                  }
                : {}),
        },
        counts: { ...input.counts },
        orgUnits,
        errorsOmittedByOrgUnit: omittedByOrgUnit,
    }
}
