import { SandboxUser } from '../../contract'
import { ModelContext } from '../context'
import { JsonRecord, isRecord, refIds } from '../json'
import { canDataWrite } from '../sharing'
import { Conflict243, conflict243 } from './conflict243'
import { Conflict } from './conflicts'
import { uidOf } from './resolve'

type Found = Omit<Conflict, 'indexes'>

/**
 * `validateDataSetIsAccessibleByUser` (2.38–2.42): the payload's data set needs data write
 * sharing, else the import aborts with E7601 naming the data set as the payload gave it.
 */
export function dataSetAccessConflict(
    user: SandboxUser,
    dataSet: JsonRecord,
    key: string
): Found | undefined {
    if (canDataWrite(user, dataSet)) return undefined
    return {
        object: key,
        objects: { dataSet: key },
        value: `User does not have write access for DataSet: \`${key}\``,
        errorCode: 'E7601',
        property: 'dataSet',
    }
}

/** The category options of an option combo that the user may not write data for. */
export function unwritableOptions(
    ctx: ModelContext,
    user: SandboxUser,
    combo: JsonRecord | undefined
): string[] {
    return refIds(combo?.categoryOptions).filter((id) => {
        const option = ctx.store.get('categoryOptions', id)
        return isRecord(option) && !canDataWrite(user, option)
    })
}

/**
 * `validateDataValueCategoryOptionComboAccess` / `…AttrOptionComboAccess` (2.38–2.42): one
 * conflict per category option of the payload's (not the defaulted) COC or AOC that lacks data
 * write sharing, E7614 / E7616, naming the combo as the payload gave it.
 */
export function optionAccessConflicts(
    ctx: ModelContext,
    user: SandboxUser,
    combo: JsonRecord | undefined,
    key: string | undefined,
    kind: 'categoryOptionCombo' | 'attributeOptionCombo'
): Found[] {
    if (key === undefined || !combo) return []
    const [code, label] =
        kind === 'categoryOptionCombo'
            ? ['E7614', 'Category option combo']
            : ['E7616', 'Attribute option combo']
    return unwritableOptions(ctx, user, combo).map((option) => ({
        object: key,
        objects: { categoryOptionCombo: key, categoryOption: option },
        value: `${label}: \`${key}\` option not accessible: \`${option}\``,
        errorCode: code,
        property: kind,
    }))
}

/**
 * The 2.43 importer's `validateUserAccess` (DefaultDataEntryService): superusers skip it; else the
 * first failing check rejects the data set group: E8010 data set not data-writable, E8011 org
 * units outside the capture scope, E8012 category options of the AOCs and COCs not data-writable.
 * Codes, order and args as in dhis2-core; the message texts are the sandbox's (not verified).
 */
export function firstAccessError243(
    ctx: ModelContext,
    user: SandboxUser,
    dataSet: JsonRecord,
    values: ReadonlyArray<{ orgUnitId: string; coc?: JsonRecord; aoc?: JsonRecord }>
): Conflict243 | undefined {
    if (user.authorities.includes('ALL')) return undefined
    const dsId = uidOf(dataSet)
    if (!canDataWrite(user, dataSet))
        return conflict243('E8010', `User has no data write access to data set \`${dsId}\``, [dsId])
    const outside = values.find(
        (v) => !ctx.store.isInHierarchy(v.orgUnitId, user.organisationUnits)
    )
    if (outside)
        return conflict243(
            'E8011',
            `Org unit \`${outside.orgUnitId}\` is not in the capture scope of user \`${user.id}\``,
            [outside.orgUnitId, user.id]
        )
    const options = [
        ...new Set(
            values.flatMap((v) => [
                ...unwritableOptions(ctx, user, v.aoc),
                ...unwritableOptions(ctx, user, v.coc),
            ])
        ),
    ]
    if (options.length === 0) return undefined
    return conflict243(
        'E8012',
        `User has no data write access to category options \`${options.join(', ')}\``,
        options
    )
}
