import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord } from '../json'
import { parsePeriod } from '../periods'
import { dataSetAccessConflict } from './accessChecks'
import { Conflicts } from './conflicts'
import { DataImportOptions, InputDataValueSet } from './parse'
import { resolveValue, uidOf } from './resolve'
import { DataImportResult, zeroCount } from './result'
import { validateClassic } from './validate'
import { writeValue } from './write'
import { DEFAULT_COC } from '../metadata/schema'
import { hasAuthority } from '../../users'

function aborted(conflict: Parameters<Conflicts['add']>[0]): DataImportResult {
    const conflicts = new Conflicts()
    conflicts.add(conflict)
    return {
        status: 'ERROR',
        description: conflict.value,
        importCount: zeroCount(),
        conflicts,
        dataSetComplete: 'false',
    }
}

const ignoresIdentical = (ctx: ModelContext): boolean =>
    ctx.minor >= 41 || (ctx.minor === 40 && ctx.patch >= 3)

/** The 2.38–2.42 importer (§3.1). */
export function importClassic(
    ctx: ModelContext,
    set: InputDataValueSet,
    options: DataImportOptions,
    user: SandboxUser
): DataImportResult {
    const schemes = options.idSchemes
    let dataSet: JsonRecord | undefined
    if (set.dataSet !== undefined) {
        dataSet = ctx.store.find('dataSets', schemes.dataSet, set.dataSet)
        if (!dataSet) {
            return aborted({
                object: set.dataSet,
                objects: { dataSet: set.dataSet },
                value: `Data set not found or not accessible: \`${set.dataSet}\``,
                errorCode: 'E7600',
                property: 'dataSet',
            })
        }
        const denied = dataSetAccessConflict(user, dataSet, set.dataSet)
        if (denied) return aborted(denied)
    }
    // `validateDataSetExistsStrictDataElements`: strict data elements need the payload's data set.
    if (!dataSet && (options.strict.strictDataElements || ctx.strictDataImport)) {
        return aborted({ objects: {}, value: 'A valid dataset is required', errorCode: 'E7602' })
    }
    if (
        set.orgUnit !== undefined &&
        !ctx.store.find('organisationUnits', schemes.orgUnit, set.orgUnit)
    ) {
        return aborted({
            object: set.orgUnit,
            objects: { organisationUnit: set.orgUnit },
            value: `Org unit not found or not accessible: \`${set.orgUnit}\``,
            errorCode: 'E7603',
            property: 'orgUnit',
        })
    }
    if (
        set.attributeOptionCombo !== undefined &&
        !ctx.store.find(
            'categoryOptionCombos',
            schemes.attributeOptionCombo,
            set.attributeOptionCombo
        )
    ) {
        return aborted({
            object: set.attributeOptionCombo,
            objects: { attributeOptionCombo: set.attributeOptionCombo },
            value: `Attribute option combo not found or not accessible: \`${set.attributeOptionCombo}\``,
            errorCode: 'E7604',
            property: 'attributeOptionCombo',
        })
    }
    const conflicts = new Conflicts()
    const count = zeroCount()
    // `importDataValueSet` → `handleComplete`, before any value: completing a data set needs the
    // set's org unit, then its period; else a conflict naming the missing one (no error code).
    if (dataSet && set.completeDate && set.completeDate.toLowerCase() !== 'false') {
        const missing = !set.orgUnit
            ? 'OrganisationUnit'
            : !parsePeriod(set.period ?? '')
              ? 'Period'
              : undefined
        if (missing)
            conflicts.add({
                object: missing,
                objects: {},
                value: 'Must be provided to complete data set',
            })
    }
    for (const input of set.values) {
        const resolved = resolveValue(ctx, set, input, schemes)
        const rejections = validateClassic(ctx, resolved, options, user, dataSet)
        if (rejections.length > 0 || !resolved.dataElement || !resolved.period) {
            for (const rejection of rejections) conflicts.add(rejection, input.index)
            count.ignored++
            continue
        }
        const outcome = writeValue(
            ctx,
            {
                dataElement: resolved.dataElement,
                period: resolved.period.id,
                orgUnit: uidOf(resolved.orgUnit),
                categoryOptionCombo: uidOf(resolved.coc),
                attributeOptionCombo: uidOf(resolved.aoc),
            },
            input,
            options.importStrategy,
            options.dryRun,
            user.username,
            // DefaultDataValueSetService: skipAudit only for users with F_SKIP_DATA_IMPORT_AUDIT.
            !(options.skipAudit && hasAuthority(user, 'F_SKIP_DATA_IMPORT_AUDIT'))
        )
        // Identical re-sends: `updated` before 2.40.3, `ignored` from 2.40.3 / 2.41.0 (§3.1, §6).
        if (outcome === 'identical') count[ignoresIdentical(ctx) ? 'ignored' : 'updated']++
        else count[outcome]++
    }
    let dataSetComplete = 'false'
    if (dataSet && set.completeDate && set.period && set.orgUnit) {
        dataSetComplete = set.completeDate
        const orgUnit = ctx.store.find('organisationUnits', schemes.orgUnit, set.orgUnit)
        if (!options.dryRun && orgUnit) {
            ctx.state.completions[
                [
                    uidOf(dataSet),
                    parsePeriod(set.period)?.id ?? set.period,
                    uidOf(orgUnit),
                    DEFAULT_COC,
                ].join('|')
            ] = set.completeDate
        }
    }
    return {
        status: conflicts.list.length > 0 ? 'WARNING' : 'SUCCESS',
        importCount: count,
        conflicts,
        dataSetComplete,
    }
}
