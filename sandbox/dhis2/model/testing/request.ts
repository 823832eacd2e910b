import { readFileSync } from 'fs'
import path from 'path'
import { ApiRequest, ApiResponse, Dhis2Minor, SandboxUser } from '../../contract'
import { DataModel, DataModelOptions, createDataModel } from '../index'
import { JsonRecord, isRecord } from '../json'
import { readBdMetadata } from '../../../shared/hierarchy'
import { withMinistrySharing } from '../../ministrySharing'

/** Test helpers: requests as the HTTP shell would build them, users, and the BD EPI package. */

export const EPI_IMPORTER: SandboxUser = {
    id: 'L46jEA1kmsI',
    username: 'epi.importer',
    password: 'x',
    firstName: 'Nusrat',
    surname: 'Rahman',
    authorities: ['F_DATAVALUE_ADD', 'F_TRACKED_ENTITY_INSTANCE_ADD', 'F_PROGRAM_ENROLLMENT'],
    organisationUnits: ['TJVyV3rXr9T'],
    dataViewOrganisationUnits: ['MwcEYcUHllt'],
    teiSearchOrganisationUnits: ['MwcEYcUHllt'],
    userRoles: [],
    // The operator's group: the BD package shares data entry with it (r-rw----).
    userGroups: [{ id: 'iyc59MvPBNc', name: 'EPI importers' }],
    settings: {},
}

export const ADMIN: SandboxUser = {
    ...EPI_IMPORTER,
    id: 'M5zQapPyTZI',
    username: 'admin',
    authorities: ['ALL'],
    organisationUnits: ['NWRRJHHp571'],
    dataViewOrganisationUnits: ['NWRRJHHp571'],
    teiSearchOrganisationUnits: ['NWRRJHHp571'],
}

export interface RequestOptions {
    query?: Record<string, string | string[]>
    body?: unknown
    user?: SandboxUser
    pathVersion?: number
}

export function buildRequest(
    minor: Dhis2Minor,
    method: ApiRequest['method'],
    path: string,
    options: RequestOptions = {}
): ApiRequest {
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(options.query ?? {})) {
        for (const item of Array.isArray(value) ? value : [value]) query.append(key, item)
    }
    return {
        method,
        path,
        ...(options.pathVersion !== undefined ? { pathVersion: options.pathVersion } : {}),
        query,
        body: options.body,
        rawBody: Buffer.from(options.body === undefined ? '' : JSON.stringify(options.body)),
        user: options.user ?? EPI_IMPORTER,
        minor,
        baseUrl: 'https://dhis2.example.org',
    }
}

/** Calls the handler and fails loudly when the path is not served. */
export async function call(model: DataModel, request: ApiRequest): Promise<ApiResponse> {
    const response = await model.handle(request)
    if (!response) throw new Error(`${request.method} ${request.path} not served`)
    return response
}

export function body(response: ApiResponse): JsonRecord {
    if (!isRecord(response.body))
        throw new Error(`Body is not an object: ${JSON.stringify(response.body)}`)
    return response.body
}

export function readJson(file: string): unknown {
    return JSON.parse(readFileSync(file, 'utf8'))
}

const ROOT = path.join(__dirname, '..', '..', '..', '..')

/** The BD package as the sandbox serves it: shared with the EPI groups as a ministry would. */
export const bdMetadata = (): unknown => withMinistrySharing(readBdMetadata())

/** A recorded DHIS2 response from test/fixtures/dhis2/responses, as parsed JSON. */
export const responseFixture = (name: string): unknown =>
    readJson(path.join(ROOT, 'test', 'fixtures', 'dhis2', 'responses', name))

export const fixture = (name: string): JsonRecord => {
    const value = responseFixture(name)
    if (!isRecord(value)) throw new Error(`${name} is not an object`)
    return value
}

export function bdModel(minor: Dhis2Minor, options: Partial<DataModelOptions> = {}): DataModel {
    const model = createDataModel({ minor, ...options })
    const result = model.importMetadata(bdMetadata())
    if (result.status !== 200) throw new Error(`BD metadata failed: ${JSON.stringify(result.body)}`)
    return model
}

/** Sorted key set of an object, for shape comparisons against fixtures. */
export const keysOf = (value: unknown): string[] =>
    isRecord(value) ? Object.keys(value).sort() : []
