/**
 * A real dataValueSet payload from DHIS2's own test suite, twice through the DHIS2 sandbox: first
 * against metadata that lacks what it refers to (DHIS2 rejects it and imports nothing), then
 * against a package that defines exactly its references (DHIS2 accepts every value, as DHIS2's
 * own end-to-end test expects, and reads them back).
 */
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import type { Dhis2Minor } from '../../sandbox/dhis2/contract'

const ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`
const BD_ROOT = 'NWRRJHHp571'
const DEFAULT_COC = 'HllvX50cXC0'

interface DataValue {
    dataElement: string
    period: string
    orgUnit: string
    categoryOptionCombo: string
    attributeOptionCombo: string
    value: string
}

export interface DataValueSetPayload {
    dataSet: string
    period: string
    orgUnit: string
    dataValues: DataValue[]
}

const text = (value: unknown): value is string => typeof value === 'string' && value !== ''

export function asDataValueSet(json: unknown): DataValueSetPayload | undefined {
    if (typeof json !== 'object' || json === null) return undefined
    const { dataSet, period, orgUnit, dataValues } = json as Record<string, unknown>
    if (!text(dataSet) || !text(period) || !text(orgUnit) || !Array.isArray(dataValues))
        return undefined
    const values = dataValues.filter(
        (v): v is DataValue =>
            typeof v === 'object' &&
            v !== null &&
            ['dataElement', 'categoryOptionCombo', 'attributeOptionCombo', 'value'].every((key) =>
                text((v as Record<string, unknown>)[key])
            )
    )
    if (values.length !== dataValues.length) return undefined
    return { dataSet, period, orgUnit, dataValues: values }
}

const PERIOD_TYPES: Array<[RegExp, string]> = [
    [/^\d{4}$/, 'Yearly'],
    [/^\d{6}$/, 'Monthly'],
    [/^\d{4}Q[1-4]$/, 'Quarterly'],
    [/^\d{8}$/, 'Daily'],
    [/^\d{4}W\d{1,2}$/, 'Weekly'],
]

/** A metadata package defining exactly what the payload refers to, under the BD root. */
function packageFor(payload: DataValueSetPayload): Record<string, unknown[]> {
    const periodType = PERIOD_TYPES.find(([pattern]) => pattern.test(payload.period))?.[1]
    if (!periodType) throw new Error(`Unknown period format ${payload.period}`)
    const cocs = [
        ...new Set(
            payload.dataValues.map((v) => v.categoryOptionCombo).filter((c) => c !== DEFAULT_COC)
        ),
    ]
    const elements = [...new Set(payload.dataValues.map((v) => v.dataElement))]
    const combo = 'RealCombo01'
    const category = 'RealCateg01'
    const options = cocs.map((_, index) => `RealOption${index}`)
    return {
        organisationUnits: [
            {
                id: payload.orgUnit,
                name: `Real check ${payload.orgUnit}`,
                shortName: payload.orgUnit,
                openingDate: '1990-01-01T00:00:00.000',
                parent: { id: BD_ROOT },
            },
        ],
        categoryOptions: options.map((id, index) => ({
            id,
            name: `Real option ${index}`,
            shortName: `Real option ${index}`,
        })),
        categories: [
            {
                id: category,
                name: 'Real category',
                shortName: 'Real category',
                dataDimensionType: 'DISAGGREGATION',
                categoryOptions: options.map((id) => ({ id })),
            },
        ],
        categoryCombos: [
            {
                id: combo,
                name: 'Real combo',
                dataDimensionType: 'DISAGGREGATION',
                categories: [{ id: category }],
            },
        ],
        categoryOptionCombos: cocs.map((id, index) => ({
            id,
            name: `Real option ${index}`,
            categoryCombo: { id: combo },
            categoryOptions: [{ id: options[index] }],
        })),
        dataElements: elements.map((id) => ({
            id,
            name: `Real element ${id}`,
            shortName: `Real element ${id}`,
            domainType: 'AGGREGATE',
            valueType: 'NUMBER',
            aggregationType: 'SUM',
            categoryCombo: { id: cocs.length > 0 ? combo : 'bjDvmb4bfuf' },
        })),
        dataSets: [
            {
                id: payload.dataSet,
                name: `Real data set ${payload.dataSet}`,
                shortName: payload.dataSet,
                periodType,
                dataSetElements: elements.map((id) => ({
                    dataSet: { id: payload.dataSet },
                    dataElement: { id },
                })),
                organisationUnits: [{ id: payload.orgUnit }],
            },
        ],
    }
}

interface ImportSummary {
    status?: string
    importCount?: { imported?: number; updated?: number; ignored?: number }
    conflicts?: Array<{ value?: string }>
}

async function post(url: string, path: string, body: unknown) {
    const response = await fetch(`${url}/api/${path}`, {
        method: 'POST',
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
    })
    const json = (await response.json()) as ImportSummary & { response?: ImportSummary }
    return { status: response.status, summary: json.response ?? json }
}

/** Returns the problems found; prints one line per step. */
export async function checkRealDataValueSet(
    file: string,
    payload: DataValueSetPayload,
    minor: Dhis2Minor
): Promise<string[]> {
    const problems: string[] = []
    const sandbox = await startDhis2Sandbox({ minor })
    const say = (line: string, ok: boolean) => {
        console.log(`2.${minor} ${file}: ${line}`)
        if (!ok) problems.push(`2.${minor} ${file}: ${line}`)
    }
    try {
        const rejected = await post(sandbox.url, 'dataValueSets', payload)
        const count = rejected.summary.importCount ?? {}
        const stored = (count.imported ?? 0) + (count.updated ?? 0)
        const named = (rejected.summary.conflicts ?? []).some((c) =>
            (c.value ?? '').includes(payload.dataSet)
        )
        say(
            `without its metadata: ${rejected.status} ${rejected.summary.status ?? '?'}, ${stored} stored, conflict names the data set: ${named}`,
            rejected.summary.status === 'ERROR' && stored === 0 && named
        )

        const metadata = await post(sandbox.url, 'metadata', packageFor(payload))
        say(
            `its references defined: POST /api/metadata ${metadata.status}`,
            metadata.status === 200
        )
        const accepted = await post(sandbox.url, 'dataValueSets', payload)
        const acceptedCount = accepted.summary.importCount ?? {}
        const written = (acceptedCount.imported ?? 0) + (acceptedCount.updated ?? 0)
        say(
            `with its metadata: ${accepted.status} ${accepted.summary.status ?? '?'}, ${written} of ${payload.dataValues.length} written, ${accepted.summary.conflicts?.length ?? 0} conflict(s)`,
            accepted.status === 200 &&
                accepted.summary.status === 'SUCCESS' &&
                written === payload.dataValues.length
        )

        const query = new URLSearchParams({
            dataSet: payload.dataSet,
            period: payload.period,
            orgUnit: payload.orgUnit,
        })
        const read = await fetch(`${sandbox.url}/api/dataValueSets?${query}`, {
            headers: { Authorization: ADMIN, Accept: 'application/json' },
        })
        const back = asDataValueSet(await read.json())
        const same = payload.dataValues.every((sent) =>
            back?.dataValues.some(
                (v) =>
                    v.dataElement === sent.dataElement &&
                    v.categoryOptionCombo === sent.categoryOptionCombo &&
                    v.value === sent.value
            )
        )
        say(`read back: ${back?.dataValues.length ?? 0} value(s), as sent: ${same}`, same)
    } finally {
        await sandbox.close()
    }
    return problems
}
