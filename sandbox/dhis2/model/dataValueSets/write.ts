import { ModelContext } from '../context'
import { formatDateTime } from '../dates'
import { JsonRecord, asString } from '../json'
import { StoredDataValue, dataValueKey } from '../state'
import { isNumericType, normaliseValue } from '../valueTypes'
import { recordAudit } from './audits'
import { normalizeBoolean } from './booleans'
import { DataImportStrategy, InputDataValue } from './parse'

export interface ValueTarget {
    dataElement: JsonRecord
    period: string
    orgUnit: string
    categoryOptionCombo: string
    attributeOptionCombo: string
}

export type WriteOutcome = 'imported' | 'updated' | 'identical' | 'deleted' | 'ignored'

function isInsignificantZero(dataElement: JsonRecord, value: string): boolean {
    const valueType = asString(dataElement.valueType) ?? 'TEXT'
    return isNumericType(valueType) && dataElement.zeroIsSignificant !== true && Number(value) === 0
}

/**
 * DHIS2's write semantics for one value (§3.1 importCount): new values are imported; changes
 * updated; empty values, `DELETE` and insignificant zeros delete an existing value and are
 * ignored otherwise; strategy mismatches are ignored. The caller decides what `identical` counts as.
 */
export function writeValue(
    ctx: ModelContext,
    target: ValueTarget,
    input: InputDataValue,
    strategy: DataImportStrategy,
    dryRun: boolean,
    storedBy: string,
    /** Record DataValueAudits of updates and deletions (2.38–2.42 importer, unless skipped). */
    audited = false
): WriteOutcome {
    const ids = {
        dataElement: String(target.dataElement.id),
        period: target.period,
        orgUnit: target.orgUnit,
        categoryOptionCombo: target.categoryOptionCombo,
        attributeOptionCombo: target.attributeOptionCombo,
    }
    const key = dataValueKey(ids)
    const existing = ctx.state.dataValues[key]
    const live = existing !== undefined && !existing.deleted
    const valueType = asString(target.dataElement.valueType) ?? 'TEXT'
    const value =
        input.value === undefined || input.value === ''
            ? undefined
            : normaliseValue(valueType, normalizeBoolean(input.value, valueType))
    const stamp = formatDateTime(ctx.now())
    // The audit keeps the value as it was (`new DataValueAudit(internalValue, existing.getValue() …)`).
    const audit = (auditType: 'UPDATE' | 'DELETE') => {
        if (!audited || dryRun || !existing) return
        recordAudit(ctx, {
            ...ids,
            ...(existing.value !== undefined ? { value: existing.value } : {}),
            modifiedBy: storedBy,
            created: stamp,
            auditType,
        })
    }
    const remove = (): WriteOutcome => {
        if (!live) return 'ignored'
        if (!dryRun) ctx.state.dataValues[key] = { ...existing, deleted: true, lastUpdated: stamp }
        // saveDataValueDelete audits every deletion; saveDataValueUpdate only a changed value.
        if (strategy === 'DELETE' || existing.value !== value) audit('DELETE')
        return 'deleted'
    }
    // `createDataValue`: value and comment are stored `trimToNull`.
    const comment = input.comment?.trim() ? input.comment.trim() : undefined
    const noValue = value === undefined && comment === undefined
    const zero = value !== undefined && isInsignificantZero(target.dataElement, value)
    // DefaultDataValueSetService.importDataValue: an insignificant zero with nothing stored (or
    // under CREATE) is skipped; a live value is updated (deleted when the entry is empty, deleted
    // or zero), deleted (DELETE) or left (CREATE); with nothing live, CREATE(_AND_UPDATE) saves the
    // entry (saveDataValueCreate) — a `deleted` one as a soft-deleted row, counted imported, and
    // a soft-deleted row comes back to life — and UPDATE/DELETE ignore it.
    if (zero && (!live || strategy === 'CREATE')) return 'ignored'
    if (live && strategy === 'CREATE') return 'ignored'
    if (live && (strategy === 'DELETE' || input.deleted === true || noValue || zero))
        return remove()
    if (!live && (strategy === 'UPDATE' || strategy === 'DELETE' || noValue)) return 'ignored'
    if (live) {
        const identical =
            existing.value === value &&
            (comment === undefined || comment === existing.comment) &&
            (input.followup === undefined || input.followup === existing.followup)
        if (identical) return 'identical'
    }
    const stored: StoredDataValue = {
        ...ids,
        ...(value !== undefined ? { value } : {}),
        ...(comment !== undefined
            ? { comment }
            : live && existing.comment !== undefined
              ? { comment: existing.comment }
              : {}),
        storedBy,
        created: existing ? existing.created : stamp,
        lastUpdated: stamp,
        followup: input.followup ?? (live ? existing.followup : false),
        deleted: !live && input.deleted === true,
    }
    if (!dryRun) ctx.state.dataValues[key] = stored
    if (live && existing.value !== value) audit('UPDATE')
    return live ? 'updated' : 'imported'
}
