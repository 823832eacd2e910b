/**
 * DataValueSetServiceIntegrationTest's supportive methods over the Web API: an import as the
 * test's user, the import summary's counts and conflicts, and `dataValueService.getAllDataValues()`
 * read back through GET /api/dataValueSets.
 */
import { expectEqual, expectTrue } from '../case'
import { Api, UID, USER } from './serviceSetup'

export interface SummaryConflict {
    object?: string
    value?: string
    errorCode?: string
    indexes: number[]
}

export interface Summary {
    status: string
    imported: number
    updated: number
    deleted: number
    ignored: number
    conflicts: SummaryConflict[]
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const num = (value: unknown): number => (typeof value === 'number' ? value : NaN)
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

const CONTENT_TYPE = { json: 'application/json', xml: 'application/xml', csv: 'application/csv' }

/** `dataValueSetService.importDataValueSet{Json,Xml,Csv}(payload, options)` as the test's user. */
export async function importAsUser(
    api: Api,
    payload: string,
    format: keyof typeof CONTENT_TYPE,
    query: Record<string, string> = {},
    auth: string = USER
): Promise<Summary> {
    const search = new URLSearchParams(query).toString()
    const answer = await api.request(
        'POST',
        `dataValueSets${search ? `?${search}` : ''}`,
        payload,
        CONTENT_TYPE[format],
        auth
    )
    const body = isObject(answer.body) ? answer.body : {}
    const summary = isObject(body.response) ? body.response : body
    const count = isObject(summary.importCount) ? summary.importCount : {}
    const conflicts = Array.isArray(summary.conflicts) ? summary.conflicts : []
    const status = str(summary.status)
    if (!status || !isObject(summary.importCount))
        throw new Error(`no import summary: HTTP ${answer.status} ${JSON.stringify(answer.body)}`)
    return {
        status,
        imported: num(count.imported),
        updated: num(count.updated),
        deleted: num(count.deleted),
        ignored: num(count.ignored),
        conflicts: conflicts.filter(isObject).map((c) => ({
            ...(str(c.object) === undefined ? {} : { object: str(c.object) }),
            ...(str(c.value) === undefined ? {} : { value: str(c.value) }),
            ...(str(c.errorCode) === undefined ? {} : { errorCode: str(c.errorCode) }),
            indexes: Array.isArray(c.indexes) ? c.indexes.map(num) : [],
        })),
    }
}

const describe = (s: Summary) => JSON.stringify(s.conflicts)

/** `ImportConflict.getOccurrenceCount()`: one per index, at least one. */
const occurrences = (c: SummaryConflict) => Math.max(1, c.indexes.length)

export const totalOccurrences = (s: Summary) => s.conflicts.reduce((n, c) => n + occurrences(c), 0)

export const occurrencesOf = (s: Summary, code: string) =>
    s.conflicts.filter((c) => c.errorCode === code).reduce((n, c) => n + occurrences(c), 0)

export function expectConflictCount(s: Summary, expected: number): void {
    expectEqual(s.conflicts.length, expected, `conflict count (${describe(s)})`)
}

/** `assertSuccessWithImportedUpdatedDeleted`: no conflicts, the counts, status SUCCESS. */
export function expectSuccess(
    s: Summary,
    imported: number,
    updated: number,
    deleted: number,
    ignored?: number
): void {
    expectConflictCount(s, 0)
    expectEqual(s.imported, imported, 'unexpected import count')
    expectEqual(s.updated, updated, 'unexpected update count')
    expectEqual(s.deleted, deleted, 'unexpected deleted count')
    if (ignored !== undefined) expectEqual(s.ignored, ignored, 'unexpected ignored count')
    expectEqual(s.status, 'SUCCESS', 'status')
}

/** The import was aborted: status ERROR. */
export const expectError = (s: Summary) => expectEqual(s.status, 'ERROR', 'status')

/** A WARNING summary with these imported and ignored counts and nothing updated or deleted. */
export const WARNING = (imported: number, ignored: number) => ({
    imported,
    updated: 0,
    deleted: 0,
    ignored,
    status: 'WARNING',
})

/** The counts and status the other tests assert one by one. */
export function expectCounts(
    s: Summary,
    expected: Partial<Pick<Summary, 'imported' | 'updated' | 'deleted' | 'ignored' | 'status'>>
): void {
    for (const [key, value] of Object.entries(expected)) {
        const actual: unknown = s[key as keyof typeof expected]
        expectEqual(actual, value, `${key} (${describe(s)})`)
    }
}

export interface StoredValue {
    dataElement: string
    period: string
    orgUnit: string
    categoryOptionCombo: string
    attributeOptionCombo: string
    value?: string
    comment?: string
    created?: string
    lastUpdated?: string
}

const ALL_DATA_ELEMENTS = [UID.deA, UID.deB, UID.deC, UID.deD, UID.deF, UID.deG]

/**
 * `dataValueService.getAllDataValues()` (live values only): every data element of the setup,
 * every period, org units A and B (org unit C is outside the admin's view scope as it is outside
 * the test user's capture scope; no case may store a value there).
 */
export async function storedValues(api: Api): Promise<StoredValue[]> {
    const query = [
        ...ALL_DATA_ELEMENTS.map((id) => `dataElement=${id}`),
        `orgUnit=${UID.ouA}`,
        `orgUnit=${UID.ouB}`,
        'startDate=1900-01-01',
        'endDate=2100-12-31',
    ].join('&')
    const answer = await api.request('GET', `dataValueSets?${query}`)
    const body = isObject(answer.body) ? answer.body : {}
    if (!Array.isArray(body.dataValues))
        throw new Error(`GET dataValueSets: ${answer.status} ${JSON.stringify(answer.body)}`)
    return body.dataValues.filter(isObject).map((v) => ({
        dataElement: str(v.dataElement) ?? '',
        period: str(v.period) ?? '',
        orgUnit: str(v.orgUnit) ?? '',
        categoryOptionCombo: str(v.categoryOptionCombo) ?? '',
        attributeOptionCombo: str(v.attributeOptionCombo) ?? '',
        ...(str(v.value) === undefined ? {} : { value: str(v.value) }),
        ...(str(v.comment) === undefined ? {} : { comment: str(v.comment) }),
        ...(str(v.created) === undefined ? {} : { created: str(v.created) }),
        ...(str(v.lastUpdated) === undefined ? {} : { lastUpdated: str(v.lastUpdated) }),
    }))
}

/** `assertDataValuesCount(expected)`. */
export async function expectValueCount(api: Api, expected: number): Promise<StoredValue[]> {
    const values = await storedValues(api)
    expectEqual(values.length, expected, 'mismatch in number of expected dataValue(s)')
    return values
}

/** `dataValues.contains(new DataValue(de, pe, ou, coc, aoc))`. */
export function expectStored(
    values: StoredValue[],
    de: string,
    pe: string,
    ou: string,
    coc: string = UID.ocDef,
    aoc: string = UID.ocDef
): void {
    expectTrue(
        values.some(
            (v) =>
                v.dataElement === de &&
                v.period === pe &&
                v.orgUnit === ou &&
                v.categoryOptionCombo === coc &&
                v.attributeOptionCombo === aoc
        ),
        `expected a stored value ${[de, pe, ou, coc, aoc].join('/')}`
    )
}

/** `assertImportDataValues`: the 12 values of data elements A–C × Jan/Feb 2012 × org units A/B. */
export async function expectTwelveValues(api: Api): Promise<void> {
    const values = await expectValueCount(api, 12)
    for (const de of [UID.deA, UID.deB, UID.deC])
        for (const pe of ['201201', '201202'])
            for (const ou of [UID.ouA, UID.ouB]) expectStored(values, de, pe, ou)
}

/** The registration of data set A, January 2012, org unit A is there, dated 2012-01-09. */
export async function expectRegistration(api: Api): Promise<void> {
    const answer = await api.request(
        'GET',
        `dataValueSets?dataSet=${UID.dsA}&period=201201&orgUnit=${UID.ouA}`
    )
    const body = isObject(answer.body) ? answer.body : {}
    expectEqual(body.completeDate, '2012-01-09', 'registration date of data set A, 201201, A')
}

/** `toMediumDate(new Date())`. */
export const today = (): string => new Date().toISOString().slice(0, 10)
