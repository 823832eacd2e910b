import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, asString, refId } from '../json'
import { IdScheme } from '../metadata/store'
import { isUid } from '../uid'
import { valueTypeError } from '../valueTypes'
import { parsePeriod } from '../periods'
import { Conflicts } from './conflicts'
import { DataImportOptions, InputDataValueSet } from './parse'
import {
    ResolvedValue,
    comboOf,
    dataSetOrgUnits,
    isLocked,
    isWithinOpenFuture,
    resolveValue,
    uidOf,
} from './resolve'
import { DataImportResult, zeroCount } from './result'
import { writeValue } from './write'

/** A 2.43 conflict: only `objects.args`, `value`, `errorCode`, `indexes` (§7). */
const conflict243 = (errorCode: string, value: string, args: string[]) => ({
    objects: { args: args.join('-') },
    value,
    errorCode,
})

function abort(errorCode: string, value: string, args: string[]): DataImportResult {
    const conflicts = new Conflicts()
    conflicts.add(conflict243(errorCode, value, args), -1)
    conflicts.rejected.clear()
    return { status: 'ERROR', importCount: zeroCount(), conflicts, dataSetComplete: 'false' }
}

const REF_CHECKS: ReadonlyArray<{
    key: keyof ResolvedValue
    found: keyof ResolvedValue
    scheme: 'dataElement' | 'orgUnit' | 'categoryOptionCombo' | 'attributeOptionCombo'
    code: string
    label: string
}> = [
    {
        key: 'dataElementKey',
        found: 'dataElement',
        scheme: 'dataElement',
        code: 'E8103',
        label: 'Data element',
    },
    { key: 'orgUnitKey', found: 'orgUnit', scheme: 'orgUnit', code: 'E8107', label: 'Org unit' },
    {
        key: 'cocKey',
        found: 'coc',
        scheme: 'categoryOptionCombo',
        code: 'E8108',
        label: 'Category option combo',
    },
    {
        key: 'aocKey',
        found: 'aoc',
        scheme: 'attributeOptionCombo',
        code: 'E8110',
        label: 'Attribute option combo',
    },
]

/**
 * The rewritten 2.43 importer (§7): request-level aborts, then data-set groups that are rejected
 * as a whole, then value-level checks; every written value counts as `updated`.
 */
export function import243(
    ctx: ModelContext,
    set: InputDataValueSet,
    options: DataImportOptions,
    user: SandboxUser
): DataImportResult {
    const schemes = options.idSchemes
    const resolved = set.values.map((input) => resolveValue(ctx, set, input, schemes))
    for (const v of resolved) {
        const i = String(v.input.index)
        for (const check of REF_CHECKS) {
            const key = v[check.key]
            if (typeof key !== 'string') continue
            const scheme: IdScheme = schemes[check.scheme]
            if (scheme.type === 'UID' && !isUid(key))
                return abort('E8101', `Value #${i} ${check.label} \`${key}\` is not a valid UID`, [
                    i,
                    key,
                ])
            if (scheme.type !== 'UID' && !v[check.found])
                return abort(check.code, `Value #${i} ${check.label} \`${key}\` not found`, [
                    i,
                    key,
                ])
        }
        if (!v.period)
            return abort(
                'E8100',
                `Value #${i} period \`${v.periodKey ?? 'null'}\` is not a valid period`,
                [i, v.periodKey ?? 'null']
            )
    }
    let rootDataSet: JsonRecord | undefined
    if (set.dataSet !== undefined) {
        rootDataSet = ctx.store.find('dataSets', schemes.dataSet, set.dataSet)
        if (!rootDataSet)
            return abort('E8001', `Data set \`${set.dataSet}\` not found`, [set.dataSet])
    }
    if (set.completeDate !== undefined && !(set.dataSet && set.orgUnit && set.period)) {
        return abort(
            'E8009',
            'A completion date requires dataSet, orgUnit and period at the root',
            [set.completeDate]
        )
    }

    const conflicts = new Conflicts()
    const groups = new Map<string, { dataSet: JsonRecord; values: ResolvedValue[] }>()
    const groupRejected = new Set<number>()
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

    const count = zeroCount()
    let written = 0
    for (const { dataSet, values } of groups.values()) {
        const errors = groupErrors(ctx, dataSet, values, options, user)
        if (errors.length > 0) {
            for (const error of errors) for (const v of values) conflicts.add(error, v.input.index)
            for (const v of values) groupRejected.add(v.input.index)
            continue
        }
        for (const v of values) {
            const rejection = valueError(ctx, v, options)
            if (rejection) {
                conflicts.add(rejection, v.input.index)
                count.ignored++
                continue
            }
            const outcome = writeValue(
                ctx,
                {
                    dataElement: { ...(v.dataElement ?? {}), zeroIsSignificant: true },
                    period: v.period?.id ?? '',
                    orgUnit: uidOf(v.orgUnit),
                    categoryOptionCombo: uidOf(v.coc),
                    attributeOptionCombo: uidOf(v.aoc),
                },
                v.input,
                options.importStrategy === 'DELETE' ? 'DELETE' : 'CREATE_AND_UPDATE',
                options.dryRun,
                user.username
            )
            written++
            if (
                options.importStrategy === 'DELETE' ||
                v.input.deleted === true ||
                outcome === 'deleted'
            )
                count.deleted++
            else count.updated++
        }
    }
    let dataSetComplete = 'false'
    if (
        rootDataSet &&
        set.completeDate &&
        set.period &&
        set.orgUnit &&
        conflicts.rejected.size === 0
    ) {
        dataSetComplete = set.completeDate
        const orgUnit = ctx.store.find('organisationUnits', schemes.orgUnit, set.orgUnit)
        if (!options.dryRun && orgUnit)
            ctx.state.completions[
                [
                    uidOf(rootDataSet),
                    parsePeriod(set.period)?.id ?? set.period,
                    uidOf(orgUnit),
                    'HllvX50cXC0',
                ].join('|')
            ] = set.completeDate
    }
    const status =
        conflicts.list.length === 0
            ? 'SUCCESS'
            : written === 0 || groupRejected.size > 0
              ? 'ERROR'
              : 'WARNING'
    return { status, importCount: count, conflicts, dataSetComplete }
}

function groupErrors(
    ctx: ModelContext,
    dataSet: JsonRecord,
    values: ResolvedValue[],
    options: DataImportOptions,
    user: SandboxUser
) {
    const dsId = uidOf(dataSet)
    const errors: Array<ReturnType<typeof conflict243>> = []
    const once = (code: string, message: string, args: string[]) => {
        if (!errors.some((e) => e.errorCode === code)) errors.push(conflict243(code, message, args))
    }
    const deIds = ctx.store.dataElementIdsOfDataSet(dataSet)
    const orgUnits = dataSetOrgUnits(dataSet)
    const aocs = ctx.store.cocIdsOf(comboOf(dataSet))
    const bypass = options.force && user.authorities.includes('ALL')
    const keys = new Set<string>()
    for (const v of values) {
        const deId = uidOf(v.dataElement) || (v.dataElementKey ?? '')
        const ouId = uidOf(v.orgUnit) || (v.orgUnitKey ?? '')
        const period = v.period
        if (!period) continue
        if (!ctx.store.isInHierarchy(ouId, user.organisationUnits))
            once(
                'E8011',
                `Org unit \`${ouId}\` is not in the capture scope of user \`${user.id}\``,
                [ouId, user.id]
            )
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
        if (!bypass && !isWithinOpenFuture(dataSet, period, ctx.now()))
            once('E8030', `Period \`${period.id}\` is not open for data set \`${dsId}\``, [
                period.id,
                dsId,
            ])
        if (!bypass && isLocked(ctx, dsId, period.id))
            once('E8032', `Period \`${period.id}\` is locked for data set \`${dsId}\``, [
                period.id,
                dsId,
            ])
        const key = [deId, period.id, ouId, cocId, aocId].join('|')
        if (keys.has(key)) once('E8128', `Duplicate data value key \`${key}\``, [key])
        keys.add(key)
    }
    return errors
}

function valueError(ctx: ModelContext, v: ResolvedValue, options: DataImportOptions) {
    const i = String(v.input.index)
    const value = v.input.value
    if (options.importStrategy === 'DELETE' || v.input.deleted === true) return undefined
    if (value === undefined || value === '') {
        if (v.input.comment !== undefined) return undefined
        return conflict243('E8120', `Value #${i} has no value; use \`"deleted": true\` to delete`, [
            i,
        ])
    }
    const valueType = asString(v.dataElement?.valueType) ?? 'TEXT'
    const error = valueTypeError(valueType, value)
    if (error)
        return conflict243(
            'E8122',
            `Value #${i} value \`${value}\` is no valid ${valueType}: ${error}`,
            [i, value, valueType, error]
        )
    const optionSet = refId(v.dataElement?.optionSet)
    const codes = optionSet ? ctx.store.optionCodes(optionSet) : undefined
    if (codes && !codes.includes(value))
        return conflict243('E8123', `Value #${i} value \`${value}\` is not a valid option`, [
            i,
            value,
        ])
    if ((v.input.comment?.length ?? 0) > 50_000)
        return conflict243('E8124', `Value #${i} comment is too long`, [i])
    return undefined
}
