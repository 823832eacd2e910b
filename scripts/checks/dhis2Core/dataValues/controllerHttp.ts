/**
 * The web-API test client of dhis2-core's controller tests (`DhisControllerIntegrationTest`'s
 * GET/POST/PUT/PATCH and `HttpResponse.content(...)`), over real HTTP against a fresh sandbox at
 * 2.41 as the superuser admin (or `nurse` where a test switches to a user without data access).
 * Each Java test runs in its own rolled-back transaction, so each case gets its own sandbox.
 */
import { startDhis2Sandbox } from '../../../../sandbox/dhis2'
import { CaseFailure, expectEqual, expectTrue } from '../case'

const ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`
/** The sandbox's `nurse`: no superuser, no data authority, no group the tests' objects share with. */
const NURSE = `Basic ${Buffer.from('nurse:Nurse123').toString('base64')}`

export interface Reply {
    status: number
    contentType: string
    location: string | undefined
    text: string
}

export interface Client {
    url: string
    call(
        method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
        path: string,
        options?: { body?: string; contentType?: string; accept?: string; as?: 'nurse' }
    ): Promise<Reply>
}

/** Runs `test` against a fresh 2.41 sandbox (the Java test's @BeforeEach + rollback). */
export async function withSandbox(test: (client: Client) => Promise<void>): Promise<void> {
    const sandbox = await startDhis2Sandbox({
        minor: 41,
        loadBdMetadata: false,
        // The Java tests run with DHIS2's shipped settings: no strict data import setting is on.
        strictDataImport: false,
    })
    const client: Client = {
        url: sandbox.url,
        async call(method, path, options = {}) {
            const headers: Record<string, string> = {
                Authorization: options.as === 'nurse' ? NURSE : ADMIN,
            }
            if (options.body !== undefined)
                headers['Content-Type'] = options.contentType ?? 'application/json'
            if (options.accept) headers.Accept = options.accept
            const response = await fetch(`${sandbox.url}/api${path}`, {
                method,
                headers,
                ...(options.body === undefined ? {} : { body: options.body }),
                redirect: 'manual',
            })
            return {
                status: response.status,
                contentType: response.headers.get('content-type') ?? '',
                location: response.headers.get('location') ?? undefined,
                text: await response.text(),
            }
        },
    }
    try {
        await test(client)
    } finally {
        await sandbox.close()
    }
}

export type Json = Record<string, unknown>

const isJson = (value: unknown): value is Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

/** `HttpResponse.content(HttpStatus)`: the status as expected, then the body as JSON. */
export function content(reply: Reply, status: number): Json {
    expectEqual(reply.status, status, `HTTP status (body ${reply.text.slice(0, 300)})`)
    validLocation(reply)
    let parsed: unknown
    try {
        parsed = JSON.parse(reply.text)
    } catch {
        throw new CaseFailure(`expected a JSON body, got ${reply.text.slice(0, 200)}`)
    }
    if (!isJson(parsed)) throw new CaseFailure(`expected a JSON object, got ${reply.text}`)
    return parsed
}

/** `HttpResponse.content(String contentType)`: the raw body of a non-JSON response. */
export function contentOfType(reply: Reply, contentType: string): string {
    expectTrue(
        reply.contentType.startsWith(contentType),
        `Expected ${contentType} but was: ${reply.contentType}`
    )
    return reply.text
}

/** `WebClientUtils.assertValidLocation`. */
function validLocation(reply: Reply): void {
    if (reply.location === undefined) return
    expectTrue(
        /^https?:\/\//.test(reply.location),
        'Location header does not start with http or https'
    )
}

/** `WebClientUtils.assertStatus`: the status, and the created object's UID. */
export function assertStatus(reply: Reply, status: number): string | undefined {
    const body = content(reply, status)
    if (status === 201) {
        const response = body.response
        if (isJson(response) && typeof response.uid === 'string') return response.uid
    }
    return reply.location?.slice(reply.location.lastIndexOf('/') + 1)
}

/** `DhisMockMvcControllerTest.assertWebMessage` (required fields, and the message if given). */
export function assertWebMessage(
    body: Json,
    httpStatus: string,
    httpStatusCode: number,
    status: string,
    message?: string
): void {
    expectTrue(
        'httpStatusCode' in body && 'httpStatus' in body && 'status' in body,
        `response appears to be something other than a WebMessage: ${JSON.stringify(body)}`
    )
    expectEqual(body.httpStatusCode, httpStatusCode, 'unexpected HTTP status code')
    expectEqual(body.httpStatus, httpStatus, 'unexpected HTTP status')
    expectEqual(body.status, status, 'unexpected status')
    if (message !== undefined) expectEqual(body.message, message, 'unexpected message')
}

export const str = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined

export const obj = (value: unknown): Json => (isJson(value) ? value : {})

export const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isJson) : [])
