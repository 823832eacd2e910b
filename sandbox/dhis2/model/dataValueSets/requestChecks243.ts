import { ModelContext } from '../context'
import { JsonRecord } from '../json'
import { IdScheme } from '../metadata/store'
import { isUid } from '../uid'
import { abort243 } from './conflict243'
import { IdSchemes, InputDataValueSet } from './parse'
import { ResolvedValue } from './resolve'
import { DataImportResult } from './result'

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

/** Either the whole request is aborted, or it goes on with the root data set (if it names one). */
export type RequestCheck243 =
    { abort: DataImportResult } | { abort?: undefined; rootDataSet: JsonRecord | undefined }

/**
 * The 2.43 importer's request-level checks (§7): invalid UIDs, unknown codes and periods of any
 * value, an unknown root data set, or a completion date without dataSet, orgUnit and period
 * abort the whole request.
 */
export function checkRequest243(
    ctx: ModelContext,
    set: InputDataValueSet,
    resolved: readonly ResolvedValue[],
    schemes: IdSchemes
): RequestCheck243 {
    for (const v of resolved) {
        const i = String(v.input.index)
        for (const check of REF_CHECKS) {
            const key = v[check.key]
            if (typeof key !== 'string') continue
            const scheme: IdScheme = schemes[check.scheme]
            if (scheme.type === 'UID' && !isUid(key))
                return {
                    abort: abort243(
                        'E8101',
                        `Value #${i} ${check.label} \`${key}\` is not a valid UID`,
                        [i, key]
                    ),
                }
            if (scheme.type !== 'UID' && !v[check.found])
                return {
                    abort: abort243(check.code, `Value #${i} ${check.label} \`${key}\` not found`, [
                        i,
                        key,
                    ]),
                }
        }
        if (!v.period)
            return {
                abort: abort243(
                    'E8100',
                    `Value #${i} period \`${v.periodKey ?? 'null'}\` is not a valid period`,
                    [i, v.periodKey ?? 'null']
                ),
            }
    }
    let rootDataSet: JsonRecord | undefined
    if (set.dataSet !== undefined) {
        rootDataSet = ctx.store.find('dataSets', schemes.dataSet, set.dataSet)
        if (!rootDataSet)
            return {
                abort: abort243('E8001', `Data set \`${set.dataSet}\` not found`, [set.dataSet]),
            }
    }
    if (set.completeDate !== undefined && !(set.dataSet && set.orgUnit && set.period)) {
        return {
            abort: abort243(
                'E8009',
                'A completion date requires dataSet, orgUnit and period at the root',
                [set.completeDate]
            ),
        }
    }
    return { rootDataSet }
}
