import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { parseDateTime } from '../dates'
import { JsonRecord, asString, isRecord, refIds } from '../json'
import { Period } from '../periods'
import { Conflict } from './conflicts'
import { valueConflict } from './valueConflict'

type Found = Omit<Conflict, 'indexes'>

/** The category options of an option combo, as stored. */
function optionsOf(ctx: ModelContext, aoc: JsonRecord): JsonRecord[] {
    return refIds(aoc.categoryOptions)
        .map((id) => ctx.store.get('categoryOptions', id))
        .filter(isRecord)
}

const dateOf = (value: unknown): Date | undefined => {
    const text = asString(value)
    return text ? parseDateTime(text) : undefined
}

/**
 * `DataValueSetImportValidator.checkDataValuePeriodWithinAttrOptionComboRange` (E7638) and
 * `checkDataValueOrgUnitValidForAttrOptionCombo` (E7639), in that order: the AOC's date range is
 * the latest start and the earliest end date of its options (`CategoryOptionCombo.getDateRange`;
 * a data set's `openPeriodsAfterCoEndDate` is not modelled), and its org units those of its
 * options, the value's org unit having to be one of them or below one.
 */
export function firstAocConflict(
    ctx: ModelContext,
    aoc: JsonRecord | undefined,
    period: Period,
    orgUnitId: string,
    keys: { period: string; orgUnit: string; attributeOptionCombo: string | undefined }
): Found | undefined {
    if (!aoc) return undefined
    const options = optionsOf(ctx, aoc)
    const starts = options.map((o) => dateOf(o.startDate)).filter((d): d is Date => !!d)
    const ends = options.map((o) => dateOf(o.endDate)).filter((d): d is Date => !!d)
    const start = starts.length ? Math.max(...starts.map((d) => d.getTime())) : undefined
    const end = ends.length ? Math.min(...ends.map((d) => d.getTime())) : undefined
    const aocKey = keys.attributeOptionCombo ?? 'null'
    if (
        (start !== undefined && start > period.end.getTime()) ||
        (end !== undefined && end < period.start.getTime())
    ) {
        return valueConflict(
            'E7638',
            `Period: \`${keys.period}\` is not within date range of attribute option combo: \`${aocKey}\``,
            { period: keys.period, categoryOptionCombo: aocKey },
            'period'
        )
    }
    // `CategoryOptionCombo.getOrganisationUnits()`: the intersection of the options' org units,
    // null (any org unit) when no option has any.
    const lists = options.map((o) => refIds(o.organisationUnits)).filter((l) => l.length > 0)
    const units = lists.reduce<string[]>(
        (shared, list, i) => (i === 0 ? list : shared.filter((id) => list.includes(id))),
        []
    )
    if (lists.length > 0 && !ctx.store.isInHierarchy(orgUnitId, units)) {
        return valueConflict(
            'E7639',
            `Organisation unit: \`${keys.orgUnit}\` is not valid for attribute option combo: \`${aocKey}\``,
            { organisationUnit: keys.orgUnit, categoryOptionCombo: aocKey },
            'orgUnit'
        )
    }
    return undefined
}

/**
 * `DataSet.isLocked`: past the data set's `expiryDays` after the period's end (0 = never), unless
 * the user may edit expired data (F_EDIT_EXPIRED, or ALL).
 */
export function isExpired(
    dataSet: JsonRecord,
    period: Period,
    now: Date,
    user: SandboxUser
): boolean {
    const days = typeof dataSet.expiryDays === 'number' ? dataSet.expiryDays : 0
    if (days <= 0) return false
    if (user.authorities.includes('ALL') || user.authorities.includes('F_EDIT_EXPIRED'))
        return false
    return now.getTime() > period.end.getTime() + days * 24 * 60 * 60 * 1000
}
