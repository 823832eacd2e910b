import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { parsePeriod } from '../periods'
import { Conflicts } from './conflicts'
import { groupByDataSet, groupErrors } from './dataSetGroups243'
import { DataImportOptions, InputDataValueSet } from './parse'
import { checkRequest243 } from './requestChecks243'
import { resolveValue, uidOf } from './resolve'
import { DataImportResult, zeroCount } from './result'
import { valueConflict243 } from './valueChecks243'
import { writeValue } from './write'
import { DEFAULT_COC } from '../metadata/schema'

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
    const request = checkRequest243(ctx, set, resolved, schemes)
    if (request.abort) return request.abort
    const { rootDataSet } = request

    const conflicts = new Conflicts()
    const groupRejected = new Set<number>()
    const groups = groupByDataSet(ctx, resolved, rootDataSet, conflicts, groupRejected)

    const count = zeroCount()
    let written = 0
    for (const { dataSet, values } of groups) {
        const errors = groupErrors(ctx, dataSet, values, options, user)
        if (errors.length > 0) {
            for (const error of errors) for (const v of values) conflicts.add(error, v.input.index)
            for (const v of values) groupRejected.add(v.input.index)
            continue
        }
        for (const v of values) {
            const rejection = valueConflict243(ctx, v, options)
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
                    DEFAULT_COC,
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
