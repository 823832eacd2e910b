import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, asString } from '../json'
import { firstAccessError243 } from './accessChecks'
import { Conflict243, conflict243 } from './conflict243'
import { Conflicts } from './conflicts'
import { hasInputPeriods, isApproved, isInputAllowed } from './entryChecks'
import { DataImportOptions } from './parse'
import {
    ResolvedValue,
    comboOf,
    dataSetOrgUnits,
    isLocked,
    isWithinOpenFuture,
    uidOf,
} from './resolve'

/** The values of one data set, accepted or rejected as a whole by the 2.43 importer (§7). */
export interface DataSetGroup {
    dataSet: JsonRecord
    values: ResolvedValue[]
}

/**
 * Groups values by their data set: the root data set, else the only data set of the data
 * element. A value with no or several data sets gets E8002/E8003 and joins `groupRejected`.
 */
export function groupByDataSet(
    ctx: ModelContext,
    resolved: readonly ResolvedValue[],
    rootDataSet: JsonRecord | undefined,
    conflicts: Conflicts,
    groupRejected: Set<number>
): DataSetGroup[] {
    const groups = new Map<string, DataSetGroup>()
    for (const v of resolved) {
        const deId = uidOf(v.dataElement) || (v.dataElementKey ?? '')
        const sets = rootDataSet ? [rootDataSet] : ctx.store.dataSetsOfDataElement(deId)
        const only = sets[0]
        if (sets.length !== 1 || !only) {
            const code = sets.length === 0 ? 'E8002' : 'E8003'
            conflicts.add(
                conflict243(
                    code,
                    `Data element \`${deId}\` maps to ${sets.length} data sets; specify \`dataSet\``,
                    [deId]
                ),
                v.input.index
            )
            groupRejected.add(v.input.index)
            continue
        }
        const group = groups.get(uidOf(only)) ?? { dataSet: only, values: [] }
        group.values.push(v)
        groups.set(uidOf(only), group)
    }
    return [...groups.values()]
}

/**
 * The group-level errors of one data set's values, each code once; any rejects the group. The
 * access checks come first and alone (DHIS2 throws on the first); E8030 uses the data set's input
 * periods instead of its open future periods when it has any; E8033 an approved period.
 */
export function groupErrors(
    ctx: ModelContext,
    dataSet: JsonRecord,
    values: ResolvedValue[],
    options: DataImportOptions,
    user: SandboxUser
): Conflict243[] {
    const dsId = uidOf(dataSet)
    const errors: Conflict243[] = []
    const once = (code: string, message: string, args: string[]) => {
        if (!errors.some((e) => e.errorCode === code)) errors.push(conflict243(code, message, args))
    }
    const deIds = ctx.store.dataElementIdsOfDataSet(dataSet)
    const orgUnits = dataSetOrgUnits(dataSet)
    const aocs = ctx.store.cocIdsOf(comboOf(dataSet))
    const bypass = options.force && user.authorities.includes('ALL')
    const orgUnitOf = (v: ResolvedValue) => uidOf(v.orgUnit) || (v.orgUnitKey ?? '')
    const access = firstAccessError243(
        ctx,
        user,
        dataSet,
        values.map((v) => ({ orgUnitId: orgUnitOf(v), coc: v.coc, aoc: v.aoc }))
    )
    if (access) return [access]
    const keys = new Set<string>()
    for (const v of values) {
        const deId = uidOf(v.dataElement) || (v.dataElementKey ?? '')
        const ouId = orgUnitOf(v)
        const period = v.period
        if (!period) continue
        if (!deIds.includes(deId))
            once('E8020', `Data element \`${deId}\` is not part of data set \`${dsId}\``, [
                deId,
                dsId,
            ])
        if (dataSet.periodType !== period.type)
            once(
                'E8021',
                `Period \`${period.id}\` is not of type ${String(dataSet.periodType)} of data set \`${dsId}\``,
                [period.id, dsId]
            )
        if (!orgUnits.includes(ouId))
            once('E8022', `Org unit \`${ouId}\` is not assigned to data set \`${dsId}\``, [
                ouId,
                dsId,
            ])
        const aocId = uidOf(v.aoc) || (v.aocKey ?? '')
        if (!aocs.includes(aocId))
            once(
                'E8023',
                `Attribute option combo \`${aocId}\` is not valid for data set \`${dsId}\``,
                [aocId, dsId]
            )
        const cocId = uidOf(v.coc) || (v.cocKey ?? '')
        if (!v.dataElement || !ctx.store.cocIdsOf(comboOf(v.dataElement)).includes(cocId))
            once(
                'E8024',
                `Category option combo \`${cocId}\` is not valid for data element \`${deId}\``,
                [cocId, deId]
            )
        const closed = asString(v.orgUnit?.closedDate)
        if (
            closed &&
            new Date(`${closed.slice(0, 10)}T00:00:00Z`).getTime() <= period.end.getTime()
        )
            once('E8031', `Org unit \`${ouId}\` is closed for period \`${period.id}\``, [
                ouId,
                period.id,
            ])
        const open = hasInputPeriods(dataSet)
            ? isInputAllowed(dataSet, period, ctx.now())
            : isWithinOpenFuture(dataSet, period, ctx.now())
        if (!bypass && !open)
            once('E8030', `Period \`${period.id}\` is not open for data set \`${dsId}\``, [
                period.id,
                dsId,
            ])
        if (!bypass && isLocked(ctx, dsId, period.id))
            once('E8032', `Period \`${period.id}\` is locked for data set \`${dsId}\``, [
                period.id,
                dsId,
            ])
        if (!bypass && isApproved(ctx, dataSet, period, ouId, aocId))
            once('E8033', `Period \`${period.id}\` is approved for org unit \`${ouId}\``, [
                aocId,
                ouId,
                period.id,
            ])
        const key = [deId, period.id, ouId, cocId, aocId].join('|')
        if (keys.has(key)) once('E8128', `Duplicate data value key \`${key}\``, [key])
        keys.add(key)
    }
    return errors
}
