import type { Dhis2Minor } from './contract'
import { BD, api, asJson, asList } from './connectorPaths.support'
import { ADMIN, OPERATOR } from './testUtils'

/** dataValueSets payloads and calls shared by connectorPaths.dataValues*.test.ts. */

export const MINORS: Dhis2Minor[] = [40, 41, 42, 43]

export const monthly = (
    values: Array<[string, string, string]>,
    extra: Record<string, unknown> = {}
) => ({
    dataSet: BD.monthly,
    period: '202401',
    orgUnit: BD.ward1,
    // Strict servers (requireAttributeOptionCombo) reject values without an AOC: send the default.
    attributeOptionCombo: DEFAULT_AOC,
    ...extra,
    dataValues: values.map(([dataElement, categoryOptionCombo, value]) => ({
        dataElement,
        categoryOptionCombo,
        value,
    })),
})
export const FOUR: Array<[string, string, string]> = [
    [BD.bcg, BD.male, '5'],
    [BD.bcg, BD.female, '7'],
    [BD.opv0, BD.male, '3'],
    [BD.opv0, BD.female, '0'],
]
export const PARAMS = 'importStrategy=CREATE_AND_UPDATE'
export const DEFAULT_AOC = 'HllvX50cXC0'

export const post = (url: string, body: unknown, query = PARAMS, auth = OPERATOR) =>
    api(`${url}/api/dataValueSets?${query}`, 'POST', auth, body)

export async function stored(url: string, period = '202401', dataSet: string = BD.monthly) {
    const reply = await api(
        `${url}/api/dataValueSets?dataSet=${dataSet}&period=${period}&orgUnit=${BD.ward1}`,
        'GET',
        ADMIN
    )
    return asList(asJson(reply.body).dataValues)
}

/** importCount per version: 2.43 counts every written value as `updated` (§7). */
export const written = (minor: Dhis2Minor, imported: number, updated: number, ignored = 0) =>
    minor >= 43
        ? { imported: 0, updated: imported + updated, ignored: 0, deleted: 0 }
        : { imported, updated, ignored, deleted: 0 }
