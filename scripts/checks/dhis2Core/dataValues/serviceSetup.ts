/**
 * The metadata of DataValueSetServiceIntegrationTest's @BeforeEach (`setUpTest`), recreated
 * through POST /api/metadata with the same UIDs and codes so that the test's payloads resolve.
 *
 * Two things the Web API cannot do as the Java setup does, and how the setup stands in for them:
 * - The Java test imports as a non-superuser `user` with capture org units A and B and data write
 *   sharing on data set A and category options A and B. The sandbox's `operator` is such a user
 *   (F_DATAVALUE_ADD, no ALL) whose capture scope is the fixed root `NWRRJHHp571`; the setup makes
 *   that root the parent of A and B (C stays a root of its own, outside the scope as in Java) and
 *   shares the objects with `operator` exactly as the Java test shares them with its user.
 * - Data element E is built but never saved by the Java setup (nor is data set B), so it is left
 *   out here too.
 */
import { readFileSync } from 'fs'
import path from 'path'
import { startDhis2Sandbox } from '../../../../sandbox/dhis2'
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import { CaseFailure } from '../case'

export const ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`
export const USER = `Basic ${Buffer.from('operator:Operator123').toString('base64')}`
const USER_ID = 'L46jEA1kmsI'
const USER_ROOT = 'NWRRJHHp571'

export const ATTRIBUTE_UID = 'uh6H2ff562G'
export const UID = {
    ocA: 'kjuiHgy67hg',
    ocB: 'Gad33qy67g5',
    ocDef: 'HllvX50cXC0',
    deA: 'f7n9E0hX8qk',
    deB: 'Ix2HsbDMLea',
    deC: 'eY5ehpbEsB7',
    deD: 'deabcdefghD',
    deF: 'jH26dja2f30',
    deG: 'jH26dja2f31',
    dsA: 'pBOMPrpg1QX',
    ouA: 'DiszpKrYNg8',
    ouB: 'BdfsJfj87js',
    ouC: 'j7Hg26FpoIa',
    categoryOptionA: 'cOptAbcdefA',
    categoryOptionB: 'cOptAbcdefB',
    categoryA: 'categoryAbA',
    categoryComboA: 'catComboAbA',
    optionSetA: 'optionSetAa',
} as const

/** AccessStringHelper's constants. */
export const ACCESS = {
    READ: 'r-------',
    DATA_READ: '--r-----',
    DATA_WRITE: '---w----',
    DATA_READ_WRITE: '--rw----',
} as const

const attributeValue = (value: string) => ({ attribute: { id: ATTRIBUTE_UID }, value })

/** `enableDataSharing(user, object, access)`: the user's access replaces any other user's. */
export const sharedWithUser = (access: string) => ({
    sharing: { public: 'rw------', users: { [USER_ID]: { id: USER_ID, access } }, userGroups: {} },
})

const dataElement = (key: string, id: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: `DataElement${key}`,
    shortName: `DataElementShort${key}`,
    code: `DE_${key}`,
    valueType: 'INTEGER',
    domainType: 'AGGREGATE',
    aggregationType: 'SUM',
    zeroIsSignificant: false,
    categoryCombo: { id: 'bjDvmb4bfuf' },
    ...extra,
})

const orgUnit = (key: string, id: string, custom: string, parent?: string) => ({
    id,
    name: `OrganisationUnit${key}`,
    shortName: `OrganisationUnitShort${key}`,
    code: `OU_${key}`,
    openingDate: '1970-01-01',
    ...(parent ? { parent: { id: parent } } : {}),
    attributeValues: [attributeValue(custom)],
})

export interface DataSetChanges {
    expiryDays?: number
    openFuturePeriods?: number
    access?: string
}

export function dataSetA(changes: DataSetChanges = {}) {
    return {
        id: UID.dsA,
        name: 'DataSetA',
        shortName: 'DataSetShortA',
        code: 'DS_A',
        periodType: 'Monthly',
        categoryCombo: { id: 'bjDvmb4bfuf' },
        expiryDays: changes.expiryDays ?? 0,
        openFuturePeriods: changes.openFuturePeriods ?? 0,
        dataSetElements: [UID.deA, UID.deB, UID.deC, UID.deD].map((id) => ({
            dataElement: { id },
            dataSet: { id: UID.dsA },
        })),
        organisationUnits: [{ id: UID.ouA }, { id: UID.ouC }],
        ...sharedWithUser(changes.access ?? ACCESS.DATA_READ_WRITE),
    }
}

export interface OptionChanges {
    access?: string
    startDate?: string
    endDate?: string
    organisationUnits?: string[]
}

export function categoryOption(key: 'A' | 'B', changes: OptionChanges = {}) {
    return {
        id: key === 'A' ? UID.categoryOptionA : UID.categoryOptionB,
        name: `CategoryOption${key}`,
        shortName: `CategoryOption${key}`,
        ...(changes.startDate ? { startDate: changes.startDate } : {}),
        ...(changes.endDate ? { endDate: changes.endDate } : {}),
        ...(changes.organisationUnits
            ? { organisationUnits: changes.organisationUnits.map((id) => ({ id })) }
            : {}),
        ...sharedWithUser(changes.access ?? ACCESS.DATA_READ_WRITE),
    }
}

function setupMetadata() {
    return {
        attributes: [
            {
                id: ATTRIBUTE_UID,
                name: 'CUSTOM_ID',
                valueType: 'TEXT',
                unique: true,
                organisationUnitAttribute: true,
                dataElementAttribute: true,
            },
        ],
        organisationUnits: [
            { id: USER_ROOT, name: 'Root', shortName: 'Root', openingDate: '1970-01-01' },
            orgUnit('A', UID.ouA, 'OU1', USER_ROOT),
            orgUnit('B', UID.ouB, 'OU2', USER_ROOT),
            orgUnit('C', UID.ouC, 'OU3'),
        ],
        categoryOptions: [categoryOption('A'), categoryOption('B')],
        categories: [
            {
                id: UID.categoryA,
                name: 'CategoryA',
                shortName: 'CategoryA',
                dataDimensionType: 'DISAGGREGATION',
                categoryOptions: [{ id: UID.categoryOptionA }, { id: UID.categoryOptionB }],
            },
        ],
        categoryCombos: [
            {
                id: UID.categoryComboA,
                name: 'CategoryComboA',
                dataDimensionType: 'DISAGGREGATION',
                categories: [{ id: UID.categoryA }],
            },
        ],
        categoryOptionCombos: [
            {
                id: UID.ocA,
                name: 'CategoryOptionA',
                code: 'OC_A',
                categoryCombo: { id: UID.categoryComboA },
                categoryOptions: [{ id: UID.categoryOptionA }],
            },
            {
                id: UID.ocB,
                name: 'CategoryOptionB',
                code: 'OC_B',
                categoryCombo: { id: UID.categoryComboA },
                categoryOptions: [{ id: UID.categoryOptionB }],
            },
        ],
        optionSets: [
            {
                id: UID.optionSetA,
                name: 'OptionSetA',
                valueType: 'INTEGER',
                options: [{ id: 'optionBlueA' }, { id: 'optionGreen' }, { id: 'optionYello' }],
            },
        ],
        options: [
            { id: 'optionBlueA', name: 'Blue', code: '1', optionSet: { id: UID.optionSetA } },
            { id: 'optionGreen', name: 'Green', code: '2', optionSet: { id: UID.optionSetA } },
            { id: 'optionYello', name: 'Yellow', code: '3', optionSet: { id: UID.optionSetA } },
        ],
        dataElements: [
            dataElement('A', UID.deA, { attributeValues: [attributeValue('DE1')] }),
            dataElement('B', UID.deB, { attributeValues: [attributeValue('DE2')] }),
            dataElement('C', UID.deC, { attributeValues: [attributeValue('DE3')] }),
            dataElement('D', UID.deD, { attributeValues: [attributeValue('DE4')] }),
            dataElement('F', UID.deF, { valueType: 'BOOLEAN', code: 'DataElementCodeF' }),
            dataElement('G', UID.deG, { valueType: 'TRUE_ONLY', code: 'DataElementCodeG' }),
        ],
        dataSets: [dataSetA()],
    }
}

export interface Api {
    sandbox: Dhis2Sandbox
    /** POST /api/metadata as admin; throws unless DHIS2 answers OK. */
    metadata(payload: Record<string, unknown>): Promise<void>
    request(
        method: string,
        pathAndQuery: string,
        body?: string,
        contentType?: string,
        auth?: string
    ): Promise<{ status: number; body: unknown }>
}

export async function startService(): Promise<Api> {
    const sandbox = await startDhis2Sandbox({
        minor: 41,
        loadBdMetadata: false,
        // The Java test runs with DHIS2's shipped settings: no strict data import setting is on.
        strictDataImport: false,
    })
    const request: Api['request'] = async (method, pathAndQuery, body, contentType, auth) => {
        const response = await fetch(`${sandbox.url}/api/${pathAndQuery}`, {
            method,
            headers: {
                Authorization: auth ?? ADMIN,
                ...(contentType ? { 'Content-Type': contentType } : {}),
            },
            ...(body === undefined ? {} : { body }),
        })
        const text = await response.text()
        let parsed: unknown = text
        try {
            parsed = text === '' ? undefined : JSON.parse(text)
        } catch {
            parsed = text
        }
        return { status: response.status, body: parsed }
    }
    const metadata: Api['metadata'] = async (payload) => {
        const answer = await request(
            'POST',
            'metadata',
            JSON.stringify(payload),
            'application/json'
        )
        const status =
            typeof answer.body === 'object' && answer.body !== null && 'status' in answer.body
                ? answer.body.status
                : undefined
        if (answer.status !== 200 || status !== 'OK')
            throw new CaseFailure(
                `setup: POST /api/metadata answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 600)}`
            )
    }
    try {
        await metadata(setupMetadata())
        // The default option combo gets the code OC_DEF_CODE (`updateCategoryOptionCombo`; over
        // the Web API a PATCH, which DHIS2 allows on the default combo since 2.41.8).
        const coc = await request(
            'PATCH',
            `categoryOptionCombos/${UID.ocDef}`,
            JSON.stringify([{ op: 'add', path: '/code', value: 'OC_DEF_CODE' }]),
            'application/json-patch+json'
        )
        if (coc.status >= 300)
            throw new CaseFailure(
                `setup: PATCH of the default option combo answered ${coc.status} ${JSON.stringify(coc.body)}`
            )
        // The registration the Java setup saves (data set A, January 2012, org unit A, completed
        // 2012-01-09), made the Web API's way: a data value set that only completes.
        const done = await request(
            'POST',
            'dataValueSets',
            JSON.stringify({
                dataSet: UID.dsA,
                period: '201201',
                orgUnit: UID.ouA,
                completeDate: '2012-01-09',
                dataValues: [],
            }),
            'application/json'
        )
        if (done.status >= 300)
            throw new CaseFailure(
                `setup: completing data set A answered ${done.status} ${JSON.stringify(done.body)}`
            )
    } catch (error) {
        await sandbox.close()
        throw error
    }
    return { sandbox, metadata, request }
}

/** Runs one case against a fresh sandbox set up as @BeforeEach does, and closes it. */
export async function withService(run: (api: Api) => Promise<void>): Promise<void> {
    const api = await startService()
    try {
        await run(api)
    } finally {
        await api.sandbox.close()
    }
}

export const fixture = (fixturesDir: string, name: string): string =>
    readFileSync(path.join(fixturesDir, 'dhis-test-integration', name), 'utf8')
