/** Raw reads for the aggregate tests: the oracle's input from the sandboxes, and DHIS2's cells. */
import {
    cellOf,
    changedCells,
    DEFAULT_COC,
    expectedCells,
    MONTHLY,
    WEEKLY,
    type Raw,
} from './aggregateOracle'
import type { Harness } from './syncHarness'

const LOCATION_ATTRIBUTE = 'DdF4IJAsTOS'

interface OrgUnitRow {
    id: string
    attributeValues: Array<{ value: string; attribute: { id: string } }>
}

export async function orgUnitIds(h: Harness): Promise<string[]> {
    const { organisationUnits } = (await h.dhis2('organisationUnits?paging=false&fields=id')) as {
        organisationUnits: Array<{ id: string }>
    }
    return organisationUnits.map((ou) => ou.id)
}

async function orgUnitOfLocation(h: Harness): Promise<Map<string, string>> {
    const { organisationUnits } = (await h.dhis2(
        'organisationUnits?paging=false&fields=id,attributeValues[value,attribute[id]]'
    )) as { organisationUnits: OrgUnitRow[] }
    const map = new Map<string, string>()
    for (const ou of organisationUnits)
        for (const v of ou.attributeValues)
            if (v.attribute.id === LOCATION_ATTRIBUTE) map.set(v.value, ou.id)
    return map
}

/** The EPI centres of the monthly data set, with the OpenSRP location each stands for. */
export async function facilities(
    h: Harness
): Promise<Array<{ orgUnit: string; locationId: string }>> {
    const body = (await h.dhis2(`dataSets/${MONTHLY}?fields=organisationUnits[id]`)) as {
        organisationUnits: Array<{ id: string }>
    }
    const locations = await orgUnitOfLocation(h)
    const list: Array<{ orgUnit: string; locationId: string }> = []
    for (const [locationId, orgUnit] of locations)
        if (body.organisationUnits.some((ou) => ou.id === orgUnit))
            list.push({ orgUnit, locationId })
    return list.sort((a, b) => (a.orgUnit < b.orgUnit ? -1 : 1))
}

/** yyyy-MM-dd in Asia/Dhaka for an epoch. */
export const dhakaToday = (now = Date.now()) =>
    new Date(now + 6 * 3600_000).toISOString().slice(0, 10)

/** The oracle over OpenSRP's records as they are now. */
export async function oracle(h: Harness, today = dhakaToday()): Promise<Map<string, number>> {
    return expectedCells({
        clients: await h.opensrpAll('rest/client/getAll'),
        events: await h.opensrpAll('rest/event/getAll'),
        orgUnitOfLocation: await orgUnitOfLocation(h),
        today,
    })
}

/** Every value DHIS2 holds for the two BD data sets, as text, with its attribute option combo checked. */
export async function dhis2Values(h: Harness): Promise<Map<string, string>> {
    const ous = (await orgUnitIds(h)).map((id) => `orgUnit=${id}`).join('&')
    const values = new Map<string, string>()
    for (const dataSet of [MONTHLY, WEEKLY]) {
        const body = await h.dhis2(
            `dataValueSets?dataSet=${dataSet}&${ous}&startDate=2000-01-01&endDate=2030-12-31`
        )
        for (const v of (body.dataValues as Raw[] | undefined) ?? []) {
            if (v.attributeOptionCombo !== DEFAULT_COC)
                throw new Error(`Unexpected attribute option combo: ${JSON.stringify(v)}`)
            const key = cellOf(
                dataSet,
                String(v.orgUnit),
                String(v.period),
                String(v.dataElement),
                String(v.categoryOptionCombo)
            )
            values.set(key, String(v.value))
        }
    }
    return values
}

/** DHIS2's values as counts: a stored '0' is the same count as no value (zeroIsSignificant). */
export function countsOf(values: Map<string, string>): Map<string, number> {
    const counts = new Map<string, number>()
    for (const [key, value] of values) {
        if (!/^\d+$/.test(value)) throw new Error(`Not a count: ${key} = ${value}`)
        if (Number(value) !== 0) counts.set(key, Number(value))
    }
    return counts
}

/** Sorted plain object, for readable diffs in expect(...).toEqual(...). */
export const sorted = <V>(map: Map<string, V>): Record<string, V> =>
    Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

export { changedCells }
