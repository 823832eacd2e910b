/**
 * What the dhis2-core Web API tests (`DhisControllerIntegrationTest`, `WebClient`) do, over HTTP:
 * a request with a raw body (a fixture file sent as it is) and `assertWebMessage`.
 */
import { readFileSync } from 'fs'
import path from 'path'
import type { Dhis2Sandbox } from '../../../../sandbox/dhis2'
import { expectEqual } from '../case'
import { ADMIN_AUTH, asObject } from './support'
import type { TrackerResponse } from './support'

/** `WebClient.Body("tracker/<file>")`: a `dhis-test-web-api` resource, read as text. */
export function readWebApiFixture(fixturesDir: string, relPath: string): string {
    return readFileSync(path.join(fixturesDir, 'dhis-test-web-api', relPath), 'utf8')
}

/** `GET(url)` / `POST(url, body)` of the controller tests, as admin:district; `url` after /api. */
export async function send(
    sandbox: Dhis2Sandbox,
    method: 'GET' | 'POST',
    apiPath: string,
    rawBody?: string
): Promise<TrackerResponse> {
    const response = await fetch(`${sandbox.url}/api${apiPath}`, {
        method,
        headers: { Authorization: ADMIN_AUTH, 'Content-Type': 'application/json' },
        body: method === 'GET' ? undefined : rawBody,
    })
    const text = await response.text()
    let parsed: unknown = null
    try {
        parsed = text ? JSON.parse(text) : null
    } catch {
        parsed = { raw: text }
    }
    return { httpStatus: response.status, body: asObject(parsed) }
}

/**
 * `.content(HttpStatus.X)` then `assertWebMessage(httpStatus, httpStatusCode, status, message,
 * json)`: the HTTP status, then the web message's four fields.
 */
export function assertWebMessage(
    response: TrackerResponse,
    httpStatus: string,
    httpStatusCode: number,
    status: string,
    message: string
): void {
    expectEqual(response.httpStatus, httpStatusCode, 'HTTP status')
    const { body } = response
    expectEqual(
        {
            httpStatus: body.httpStatus,
            httpStatusCode: body.httpStatusCode,
            status: body.status,
            message: body.message,
        },
        { httpStatus, httpStatusCode, status, message },
        'web message'
    )
}
