/**
 * What dhis2-core's tracker integration tests do in Java, done over the sandbox's Web API:
 * `TrackerTest.setUpMetadata` → {@link importMetadata}, `TrackerTest.fromJson` → {@link fromJson},
 * `trackerImportService.importTracker` → {@link importTracker}, and the tracker `Assertions`
 * (`assertNoErrors`, `assertHasError`, `assertHasErrors`, `assertHasOnlyErrors`, …) on its answer.
 */
import { readFileSync } from 'fs'
import path from 'path'
import { startDhis2Sandbox } from '../../../../sandbox/dhis2'
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import { CaseFailure, expectEqual, expectTrue } from '../case'
import type { CoreCase } from '../case'

export const ADMIN_AUTH = `Basic ${Buffer.from('admin:district').toString('base64')}`

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/** What a tracker import answered: the HTTP status and the ImportReport (or web message). */
export interface TrackerResponse {
    httpStatus: number
    body: JsonObject
}

/** One `validationReport` entry, as the Java assertions read it. */
export interface TrackerReportEntry {
    code: string
    trackerType: string
    uid: string
    message: string
}

export interface TrackerStats {
    created: number
    updated: number
    deleted: number
    ignored: number
    total: number
}

/** A fresh 2.41 sandbox with no sample metadata, as every Java test class starts from an empty DB. */
export function startCoreSandbox(): Promise<Dhis2Sandbox> {
    return startDhis2Sandbox({ minor: 41, loadBdMetadata: false })
}

/** Runs `body` against a fresh sandbox and closes it, whatever happens. */
export async function withSandbox(body: (sandbox: Dhis2Sandbox) => Promise<void>): Promise<void> {
    const sandbox = await startCoreSandbox()
    try {
        await body(sandbox)
    } finally {
        await sandbox.close()
    }
}

function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function asObject(value: unknown): JsonObject {
    return isObject(value) ? value : {}
}

export function asArray(value: unknown): JsonObject[] {
    return Array.isArray(value) ? value.filter(isObject) : []
}

function asString(value: unknown): string {
    return typeof value === 'string' ? value : ''
}

function parseJson(text: string): Json {
    const parsed: unknown = JSON.parse(text)
    // JSON.parse only ever yields JSON values.
    return parsed as Json
}

/** A fixture file of the integration module (`dhis-test-integration/<relPath>`), parsed. */
export function readIntegrationFixture(fixturesDir: string, relPath: string): JsonObject {
    const text = readFileSync(path.join(fixturesDir, 'dhis-test-integration', relPath), 'utf8')
    return asObject(parseJson(text))
}

/** Basic auth of a fixture user added by {@link applyFixtureUsers} (or admin). */
export function basicAuth(username: string): string {
    const password = username === 'admin' ? 'district' : FIXTURE_USER_PASSWORD
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

/** An API call as admin, or as `asUser` (a fixture user's username). */
export async function request(
    sandbox: Dhis2Sandbox,
    method: string,
    apiPath: string,
    body?: unknown,
    asUser?: string
): Promise<TrackerResponse> {
    const response = await fetch(`${sandbox.url}/api/${apiPath}`, {
        method,
        headers: {
            Authorization: asUser ? basicAuth(asUser) : ADMIN_AUTH,
            'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: Json = null
    try {
        parsed = text ? parseJson(text) : null
    } catch {
        parsed = { raw: text }
    }
    return { httpStatus: response.status, body: asObject(parsed) }
}

/**
 * `TrackerTest.setUpMetadata(path)`: imports a metadata export (without its `users`, which on a
 * real server would replace the admin's password) and fails unless the import is OK, as Java's
 * `assertNoErrors(objectBundleValidationService.validate(bundle))` does. Java commits with
 * ImportStrategy.CREATE.
 */
export async function importMetadata(
    sandbox: Dhis2Sandbox,
    fixturesDir: string,
    relPath: string,
    importStrategy = 'CREATE'
): Promise<JsonObject> {
    const metadata = { ...readIntegrationFixture(fixturesDir, relPath) }
    const users = asArray(metadata.users)
    delete metadata.users
    const { httpStatus, body } = await request(
        sandbox,
        'POST',
        `metadata?importStrategy=${importStrategy}`,
        metadata
    )
    if (httpStatus !== 200 || body.status !== 'OK')
        throw new CaseFailure(
            `metadata ${relPath} did not import: ${httpStatus} ${JSON.stringify(body).slice(0, 2000)}`
        )
    applyFixtureUsers(sandbox, metadata, users)
    return body
}

const refIds = (value: unknown): string[] =>
    asArray(value)
        .map((ref) => asString(ref.id))
        .filter(Boolean)

/** The password every fixture user gets in the sandbox (the exports carry none usable). */
export const FIXTURE_USER_PASSWORD = 'Fixture123!'

/**
 * The Java tests import the export's `users` too: the admin (M5zQapPyTZI) gets the org units its
 * data lives in, and the tests' other users (`Users.USER_1` …) exist with their roles' authorities,
 * groups and capture/search/view scopes, to import as (`params.setUserId`). The sandbox's metadata
 * import stores users without making them login users, and importing the admin over HTTP would
 * replace its password, so they are set up in process: setup only, never an assertion. Each
 * added user logs in with its username and {@link FIXTURE_USER_PASSWORD}.
 */
export function applyFixtureUsers(
    sandbox: Dhis2Sandbox,
    metadata: JsonObject,
    users: JsonObject[]
): void {
    const roles = asArray(metadata.userRoles)
    const groups = asArray(metadata.userGroups)
    for (const fixtureUser of users) {
        const id = asString(fixtureUser.id)
        const username =
            asString(fixtureUser.username) ||
            asString(asObject(fixtureUser.userCredentials).username)
        const scopes = {
            organisationUnits: refIds(fixtureUser.organisationUnits),
            dataViewOrganisationUnits: refIds(fixtureUser.dataViewOrganisationUnits),
            teiSearchOrganisationUnits: refIds(fixtureUser.teiSearchOrganisationUnits),
        }
        const existing = sandbox.users.find((u) => u.username === username)
        if (existing) {
            Object.assign(existing, scopes)
            continue
        }
        const roleIds = refIds(fixtureUser.userRoles)
        const userRoles = roles.filter((r) => roleIds.includes(asString(r.id)))
        const memberOf = groups.filter(
            (g) =>
                refIds(g.users).includes(id) ||
                refIds(fixtureUser.userGroups).includes(asString(g.id))
        )
        sandbox.users.push({
            id,
            username,
            password: FIXTURE_USER_PASSWORD,
            firstName: asString(fixtureUser.firstName) || username,
            surname: asString(fixtureUser.surname) || username,
            authorities: [
                ...new Set(
                    userRoles.flatMap((r) =>
                        Array.isArray(r.authorities) ? r.authorities.map(asString) : []
                    )
                ),
            ],
            ...scopes,
            userRoles: userRoles.map((r) => ({ id: asString(r.id), name: asString(r.name) })),
            userGroups: memberOf.map((g) => ({ id: asString(g.id), name: asString(g.name) })),
            settings: {},
        })
    }
}

const TRACKER_COLLECTIONS = ['trackedEntities', 'enrollments', 'events', 'relationships'] as const

function isMetadataIdentifier(value: JsonObject): boolean {
    // `{"idScheme": "UID"}` alone is a reference without identifier (a missing UID).
    const keys = ['idScheme', 'identifier', 'attributeValue']
    return 'idScheme' in value && Object.keys(value).every((key) => keys.includes(key))
}

/** Domain `MetadataIdentifier`s become plain identifiers, as the Web API carries them. */
function plainIdentifiers(value: Json): Json {
    if (Array.isArray(value)) return value.map(plainIdentifiers)
    if (!isObject(value)) return value
    if (isMetadataIdentifier(value)) return value.identifier ?? null
    const out: JsonObject = {}
    for (const [key, child] of Object.entries(value)) {
        // The domain Event holds a set of option identifiers; the Web API a `;`-separated string.
        if (key === 'attributeCategoryOptions' && Array.isArray(child)) {
            const ids = child.map(plainIdentifiers).filter((id) => typeof id === 'string')
            out[key] = ids.join(';')
        } else out[key] = plainIdentifiers(child)
    }
    return out
}

/** A domain relationship end `{trackedEntity: X}` is `{trackedEntity: {trackedEntity: X}}` on 2.41. */
function webRelationshipEnd(end: Json): Json {
    if (!isObject(end)) return end
    const out: JsonObject = {}
    for (const [key, value] of Object.entries(end)) {
        if (value === null || value === undefined) continue
        out[key] = typeof value === 'string' ? { [key]: value } : value
    }
    return out
}

/**
 * The integration tests' domain JSON (`TrackerObjects`) as a `POST /api/tracker` payload: plain
 * UIDs for metadata references, object-shaped relationship ends, the file's own import params
 * dropped (the Java tests set params in code; over HTTP they go in the query string).
 */
export function toWebPayload(domain: JsonObject): JsonObject {
    const payload: JsonObject = {}
    for (const collection of TRACKER_COLLECTIONS) {
        const items = domain[collection]
        if (!Array.isArray(items)) continue
        payload[collection] = items.map((item) => {
            const plain = plainIdentifiers(item)
            if (collection !== 'relationships' || !isObject(plain)) return plain
            return {
                ...plain,
                from: webRelationshipEnd(plain.from ?? null),
                to: webRelationshipEnd(plain.to ?? null),
            }
        })
    }
    return payload
}

/** `TrackerTest.fromJson(path)`: a tracker data fixture as a Web API payload. */
export function fromJson(fixturesDir: string, relPath: string): JsonObject {
    return toWebPayload(readIntegrationFixture(fixturesDir, relPath))
}

/**
 * `trackerImportService.importTracker(params, objects)`: a synchronous `POST /api/tracker`, as
 * admin or as `asUser` (Java's `params.setUserId`, a fixture user's username).
 * reportMode defaults to FULL because the service's own report keeps warnings (the controller's
 * `buildImportReport` drops them under the Web API's default ERRORS); pass any other params
 * (importStrategy, atomicMode, validationMode, …) as Java's TrackerImportParams sets them.
 */
export async function importTracker(
    sandbox: Dhis2Sandbox,
    payload: JsonObject,
    params: Record<string, string> = {},
    asUser?: string
): Promise<TrackerResponse> {
    const query = new URLSearchParams({ async: 'false', reportMode: 'FULL', ...params })
    return request(sandbox, 'POST', `tracker?${query.toString()}`, payload, asUser)
}

export function reportStatus(response: TrackerResponse): string {
    return asString(response.body.status)
}

export function reportStats(response: TrackerResponse): TrackerStats {
    const stats = asObject(response.body.stats)
    const count = (key: string): number => (typeof stats[key] === 'number' ? stats[key] : -1)
    return {
        created: count('created'),
        updated: count('updated'),
        deleted: count('deleted'),
        ignored: count('ignored'),
        total: count('total'),
    }
}

/** The stats of one `bundleReport.typeReportMap` entry (TRACKED_ENTITY, ENROLLMENT, EVENT, RELATIONSHIP). */
export function typeStats(
    response: TrackerResponse,
    trackerType: string
): TrackerStats | undefined {
    const typeReport = asObject(
        asObject(asObject(response.body.bundleReport).typeReportMap)[trackerType]
    )
    if (!('stats' in typeReport)) return undefined
    return reportStats({ httpStatus: response.httpStatus, body: typeReport })
}

function reportEntries(
    response: TrackerResponse,
    list: string,
    codeKey: string
): TrackerReportEntry[] {
    return asArray(asObject(response.body.validationReport)[list]).map((entry) => ({
        code: asString(entry[codeKey]),
        trackerType: asString(entry.trackerType),
        uid: asString(entry.uid),
        message: asString(entry.message),
    }))
}

export function errorReports(response: TrackerResponse): TrackerReportEntry[] {
    return reportEntries(response, 'errorReports', 'errorCode')
}

export function warningReports(response: TrackerResponse): TrackerReportEntry[] {
    return reportEntries(response, 'warningReports', 'warningCode')
}

function describe(response: TrackerResponse): string {
    const errors = errorReports(response).map(
        (e) => `${e.code} ${e.trackerType} ${e.uid}: ${e.message}`
    )
    return `HTTP ${response.httpStatus} ${reportStatus(response) || JSON.stringify(response.body).slice(0, 500)}${errors.length ? ` [${errors.join(' | ')}]` : ''}`
}

/** `Assertions.assertNoErrors(ImportReport)`: the import's status is OK. */
export function assertNoErrors(response: TrackerResponse, what = 'import'): void {
    expectTrue(
        reportStatus(response) === 'OK',
        `${what}: expected status OK, got ${describe(response)}`
    )
}

/** `Assertions.assertNoErrorsAndNoWarnings(ImportReport)`: status OK and no warnings. */
export function assertNoErrorsAndNoWarnings(response: TrackerResponse, what = 'import'): void {
    assertNoErrors(response, what)
    expectEqual(warningReports(response), [], `${what}: warnings`)
}

/** `Assertions.assertNoErrors(ValidationReport)`: no validation errors (whatever the status). */
export function assertNoValidationErrors(response: TrackerResponse, what = 'import'): void {
    expectTrue(
        errorReports(response).length === 0,
        `${what}: expected no validation errors, got ${describe(response)}`
    )
}

function hasError(response: TrackerResponse, code: string, uid?: string): boolean {
    return errorReports(response).some(
        (e) => e.code === code && (uid === undefined || e.uid === uid)
    )
}

/** `Assertions.assertHasError(ValidationReport, code[, uid])`: the error is in the report. */
export function assertHasValidationError(
    response: TrackerResponse,
    code: string,
    uid?: string
): void {
    expectTrue(
        hasError(response, code, uid),
        `error ${code}${uid ? ` for ${uid}` : ''} not found: ${describe(response)}`
    )
}

/** `Assertions.assertHasError(ImportReport, code[, uid])`: status ERROR and the error reported. */
export function assertHasError(response: TrackerResponse, code: string, uid?: string): void {
    expectTrue(
        reportStatus(response) === 'ERROR',
        `expected status ERROR with ${code}, got ${describe(response)}`
    )
    assertHasValidationError(response, code, uid)
}

/** `Assertions.assertHasErrors(report, count, codes...)`: `count` errors, each code among them. */
export function assertHasErrors(
    response: TrackerResponse,
    count: number,
    ...codes: string[]
): void {
    expectTrue(
        errorReports(response).length > 0,
        `error not found since report has no errors: ${describe(response)}`
    )
    expectEqual(errorReports(response).length, count, `number of errors (${describe(response)})`)
    for (const code of codes) assertHasValidationError(response, code)
}

/** `Assertions.assertHasOnlyErrors(report, codes...)`: exactly these errors, in any order. */
export function assertHasOnlyErrors(response: TrackerResponse, ...codes: string[]): void {
    assertHasErrors(response, codes.length, ...codes)
}

/** `Assertions.assertHasWarning(ValidationReport, code)`. */
export function assertHasWarning(response: TrackerResponse, code: string): void {
    expectTrue(
        warningReports(response).some((w) => w.code === code),
        `warning ${code} not found in ${JSON.stringify(warningReports(response))}`
    )
}

/** `Assertions.assertHasOnlyWarnings(report, codes...)`. */
export function assertHasOnlyWarnings(response: TrackerResponse, ...codes: string[]): void {
    expectEqual(
        warningReports(response).length,
        codes.length,
        `number of warnings (${JSON.stringify(warningReports(response))})`
    )
    for (const code of codes) assertHasWarning(response, code)
}

/** `GET /api/tracker/{kind}/{uid}` with optional params (e.g. `fields`, `program`). */
export function getTrackerObject(
    sandbox: Dhis2Sandbox,
    kind: 'trackedEntities' | 'enrollments' | 'events' | 'relationships',
    uid: string,
    params: Record<string, string> = {}
): Promise<TrackerResponse> {
    const query = new URLSearchParams(params).toString()
    return request(sandbox, 'GET', `tracker/${kind}/${uid}${query ? `?${query}` : ''}`)
}

/**
 * `GET /api/tracker/{kind}?…` (paging off, every org unit unless the params say otherwise):
 * the listed objects. Fails if the list cannot be read.
 */
export async function listTrackerObjects(
    sandbox: Dhis2Sandbox,
    kind: 'trackedEntities' | 'enrollments' | 'events' | 'relationships',
    params: Record<string, string>
): Promise<JsonObject[]> {
    const defaults: Record<string, string> = kind === 'relationships' ? {} : { ouMode: 'ALL' }
    const query = new URLSearchParams({ skipPaging: 'true', ...defaults, ...params })
    const response = await request(sandbox, 'GET', `tracker/${kind}?${query.toString()}`)
    if (response.httpStatus !== 200)
        throw new CaseFailure(`GET tracker/${kind}?${query.toString()}: ${describe(response)}`)
    const body = response.body
    // 2.41 lists under `instances`; the older `trackedEntities`/… key is read too.
    return asArray(body.instances ?? body[kind])
}

/** The attribute UIDs a tracked entity holds (TET attributes, plus the program's when given). */
export async function attributeValuesOf(
    sandbox: Dhis2Sandbox,
    trackedEntity: string,
    program?: string
): Promise<Map<string, string>> {
    const response = await getTrackerObject(sandbox, 'trackedEntities', trackedEntity, {
        fields: 'attributes[attribute,value]',
        ...(program ? { program } : {}),
    })
    if (response.httpStatus !== 200)
        throw new CaseFailure(`GET tracked entity ${trackedEntity}: ${describe(response)}`)
    return new Map(
        asArray(response.body.attributes).map((a) => [asString(a.attribute), asString(a.value)])
    )
}

/** `manager.getAll(TrackedEntity.class)`: the tracked entities of every type, not deleted. */
export async function allTrackedEntities(sandbox: Dhis2Sandbox): Promise<JsonObject[]> {
    const types = await request(sandbox, 'GET', 'trackedEntityTypes?fields=id&paging=false')
    const ids = asArray(types.body.trackedEntityTypes).map((t) => asString(t.id))
    const lists = await Promise.all(
        ids.map((id) => listTrackerObjects(sandbox, 'trackedEntities', { trackedEntityType: id }))
    )
    return lists.flat()
}

/**
 * `trackedEntityAttributeValueService.getTrackedEntityAttributeValues(te)`: every value the
 * tracked entity holds. The Web API shows the type's attributes, and a program's with `program`,
 * so the values are read without and with each program the entity is enrolled in.
 */
export async function allAttributeValues(
    sandbox: Dhis2Sandbox,
    trackedEntity: string
): Promise<Map<string, string>> {
    const response = await getTrackerObject(sandbox, 'trackedEntities', trackedEntity, {
        fields: 'enrollments[program]',
    })
    const programs = new Set(asArray(response.body.enrollments).map((e) => asString(e.program)))
    const values = await attributeValuesOf(sandbox, trackedEntity)
    for (const program of programs)
        for (const [attribute, value] of await attributeValuesOf(sandbox, trackedEntity, program))
            values.set(attribute, value)
    return values
}

/**
 * A case on a fresh sandbox with `metadataFile` imported, as the Java test class's `initTest`
 * (`setUpMetadata`) leaves the database before each test method.
 */
export function trackerCase(
    name: string,
    metadataFile: string,
    body: (sandbox: Dhis2Sandbox, fixturesDir: string) => Promise<void>
): CoreCase {
    return {
        name,
        run: (fixturesDir) =>
            withSandbox(async (sandbox) => {
                await importMetadata(sandbox, fixturesDir, metadataFile)
                await body(sandbox, fixturesDir)
            }),
    }
}

/** The username of a fixture user by UID (Java's `Users.USER_n`), for {@link importTracker}'s `asUser`. */
export function usernameOf(sandbox: Dhis2Sandbox, userId: string): string {
    const user = sandbox.users.find((u) => u.id === userId)
    if (!user)
        throw new CaseFailure(`no user ${userId} in the sandbox (not in the fixture's users?)`)
    return user.username
}

async function perProgram(
    sandbox: Dhis2Sandbox,
    kind: 'enrollments' | 'events'
): Promise<JsonObject[]> {
    const programs = await request(sandbox, 'GET', 'programs?fields=id,programType&paging=false')
    const ids = asArray(programs.body.programs)
        .filter((p) => kind === 'events' || p.programType !== 'WITHOUT_REGISTRATION')
        .map((p) => asString(p.id))
    const lists = await Promise.all(
        ids.map((program) => listTrackerObjects(sandbox, kind, { program }))
    )
    return lists.flat()
}

/**
 * `manager.getAll(Enrollment.class)`: the enrollments of every tracker program, not deleted, plus
 * the one enrollment DHIS2 creates with each event program (`ProgramObjectBundleHook`), which
 * the Web API never lists: it is counted here as `{program}` for each event program.
 */
export async function allEnrollments(sandbox: Dhis2Sandbox): Promise<JsonObject[]> {
    const programs = await request(sandbox, 'GET', 'programs?fields=id,programType&paging=false')
    const eventPrograms = asArray(programs.body.programs)
        .filter((p) => p.programType === 'WITHOUT_REGISTRATION')
        .map((p): JsonObject => ({ program: asString(p.id) }))
    return [...(await perProgram(sandbox, 'enrollments')), ...eventPrograms]
}

/** `manager.getAll(Event.class)`: the events of every program, not deleted. */
export function allEvents(sandbox: Dhis2Sandbox): Promise<JsonObject[]> {
    return perProgram(sandbox, 'events')
}

/** `persistenceReport.getTypeReportMap().get(type)`: its stats and object (entity) reports. */
export function typeReport(
    response: TrackerResponse,
    trackerType: string
): { stats: TrackerStats | undefined; objectReports: JsonObject[] } {
    const map = asObject(asObject(response.body.bundleReport).typeReportMap)
    return {
        stats: typeStats(response, trackerType),
        objectReports: asArray(asObject(map[trackerType]).objectReports),
    }
}
