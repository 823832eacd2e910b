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
import { UID, setupMetadata } from './serviceMetadata'

export { ACCESS, ATTRIBUTE_UID, UID, categoryOption, dataSetA } from './serviceMetadata'

export const ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`
export const USER = `Basic ${Buffer.from('operator:Operator123').toString('base64')}`

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
