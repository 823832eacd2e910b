import { ApiResponse, Dhis2Minor } from '../contract'
import { JsonRecord } from './json'

const HTTP_STATUS: Readonly<Record<number, string>> = {
    200: 'OK',
    201: 'Created',
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    500: 'Internal Server Error',
}

export type WebMessageStatus = 'OK' | 'WARNING' | 'ERROR'

/** The WebMessage envelope (§3.0). */
export function webMessage(
    httpStatusCode: number,
    status: WebMessageStatus,
    message: string | undefined,
    extra: JsonRecord = {}
): JsonRecord {
    return {
        httpStatus: HTTP_STATUS[httpStatusCode] ?? String(httpStatusCode),
        httpStatusCode,
        status,
        ...(message !== undefined ? { message } : {}),
        ...extra,
    }
}

export function respond(
    status: number,
    body: unknown,
    headers?: Record<string, string>
): ApiResponse {
    return headers ? { status, body, headers } : { status, body }
}

/** Errors with an E-code from 2.41 (§3.0). */
function errorMessage(
    status: number,
    message: string,
    minor: Dhis2Minor,
    code: string
): ApiResponse {
    return respond(
        status,
        webMessage(status, 'ERROR', message, minor >= 41 ? { errorCode: code } : {})
    )
}

export const notFound = (message: string, minor: Dhis2Minor): ApiResponse =>
    errorMessage(404, message, minor, 'E1005')

export const conflict = (message: string, minor: Dhis2Minor, code = 'E1004'): ApiResponse =>
    errorMessage(409, message, minor, code)

/** Spring Security's refusal of a missing authority (`@PreAuthorize` / `@RequiresAuthority`). */
export const forbidden = (message = 'Access is denied'): ApiResponse =>
    respond(403, webMessage(403, 'ERROR', message))

export const badRequest = (message: string): ApiResponse =>
    respond(400, webMessage(400, 'ERROR', message))
