import type {
    AggregateTotals,
    HeldBackPeriod,
    RecordError,
    RecordErrorKind,
    RecordKind,
    RunStatus,
    RunSummary,
    TrackerTotals,
} from '../summary/types'
import { booleanAt, isObject, numberAt, oneOf, stringAt } from './guards'
import type { JsonObject } from './guards'

/** Reads a RunSummary back from a stored run report; undefined when it is not one. */

const RECORD_KINDS: readonly RecordKind[] = [
    'client',
    'event',
    'location',
    'trackedEntity',
    'enrollment',
    'trackerEvent',
    'relationship',
    'dataValue',
]
const ERROR_KINDS: readonly RecordErrorKind[] = ['quarantined', 'mapping', 'rejected', 'transport']
export const RUN_STATUSES: readonly RunStatus[] = [
    'succeeded',
    'completed-with-errors',
    'failed',
    'cancelled',
]
const HELD_BACK_REASONS: ReadonlyArray<HeldBackPeriod['reason']> = [
    'open-in-opensrp',
    'locked-in-dhis2',
    'ledger-incomplete',
    'future',
]

const optionalString = (o: JsonObject, name: string) => {
    const value = stringAt(o, name)
    return value === undefined ? {} : { [name]: value }
}

export function parseRecordError(value: unknown): RecordError | undefined {
    if (!isObject(value)) return undefined
    const sourceId = stringAt(value, 'sourceId')
    const recordKind = oneOf(value.recordKind, RECORD_KINDS)
    const kind = oneOf(value.kind, ERROR_KINDS)
    const code = stringAt(value, 'code')
    const message = stringAt(value, 'message')
    if (
        sourceId === undefined ||
        !recordKind ||
        !kind ||
        code === undefined ||
        message === undefined
    )
        return undefined
    return {
        sourceId,
        recordKind,
        kind,
        code,
        message,
        ...optionalString(value, 'orgUnit'),
        ...optionalString(value, 'period'),
        ...optionalString(value, 'uid'),
    }
}

function parseTracker(value: unknown): TrackerTotals | undefined {
    if (!isObject(value)) return undefined
    const created = numberAt(value, 'created')
    const updated = numberAt(value, 'updated')
    const deleted = numberAt(value, 'deleted')
    const unchanged = numberAt(value, 'unchanged')
    const failed = numberAt(value, 'failed')
    const skipped = numberAt(value, 'skipped')
    if (
        created === undefined ||
        updated === undefined ||
        deleted === undefined ||
        unchanged === undefined ||
        failed === undefined ||
        skipped === undefined
    )
        return undefined
    // Reports written before `waiting` existed read as 0.
    const waiting = numberAt(value, 'waiting') ?? 0
    return { created, updated, deleted, unchanged, failed, skipped, waiting }
}

function parseHeldBack(value: unknown): HeldBackPeriod | undefined {
    if (!isObject(value)) return undefined
    const dataSet = stringAt(value, 'dataSet')
    const period = stringAt(value, 'period')
    const reason = oneOf(value.reason, HELD_BACK_REASONS)
    const message = stringAt(value, 'message')
    if (dataSet === undefined || period === undefined || !reason || message === undefined)
        return undefined
    return { dataSet, period, reason, message }
}

function parseAggregate(value: unknown): AggregateTotals | undefined {
    if (!isObject(value) || !Array.isArray(value.heldBack)) return undefined
    const written = numberAt(value, 'written')
    const unchanged = numberAt(value, 'unchanged')
    const failed = numberAt(value, 'failed')
    const counted = numberAt(value, 'counted')
    const heldBack = value.heldBack.map(parseHeldBack)
    if (
        written === undefined ||
        unchanged === undefined ||
        failed === undefined ||
        counted === undefined ||
        heldBack.some((h) => h === undefined)
    )
        return undefined
    return {
        written,
        unchanged,
        failed,
        counted,
        heldBack: heldBack.filter((h) => h !== undefined),
    }
}

export function parseRunSummary(value: unknown): RunSummary | undefined {
    if (!isObject(value)) return undefined
    const status = oneOf(value.status, RUN_STATUSES)
    const dryRun = booleanAt(value, 'dryRun')
    const errorsOmitted = numberAt(value, 'errorsOmitted')
    if (!status || dryRun === undefined || errorsOmitted === undefined) return undefined
    if (!Array.isArray(value.errors)) return undefined
    const errors = value.errors.map(parseRecordError)
    if (errors.some((e) => e === undefined)) return undefined
    const tracker = value.tracker === undefined ? undefined : parseTracker(value.tracker)
    const aggregate = value.aggregate === undefined ? undefined : parseAggregate(value.aggregate)
    if ((value.tracker !== undefined && !tracker) || (value.aggregate !== undefined && !aggregate))
        return undefined
    const failure = isObject(value.failure) ? value.failure : undefined
    const failureCode = failure && stringAt(failure, 'code')
    const failureMessage = failure && stringAt(failure, 'message')
    return {
        status,
        dryRun,
        ...(tracker ? { tracker } : {}),
        ...(aggregate ? { aggregate } : {}),
        errors: errors.filter((e) => e !== undefined),
        errorsOmitted,
        ...(failureCode !== undefined && failureMessage !== undefined
            ? { failure: { code: failureCode, message: failureMessage } }
            : {}),
    }
}
