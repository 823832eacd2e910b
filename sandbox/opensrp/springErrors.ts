import type { Reply } from './http'

/**
 * What opensrp-server-web's `GlobalExceptionHandler` (@ControllerAdvice) answers for an exception
 * that leaves a controller: a `ResponseDto` written by Spring's Jackson converter, so `data: null`
 * is present (that converter's mapper is not the NON_NULL one the resources use).
 */

const DEFAULT_MESSAGE = 'The server encountered an error processing the request.'

const responseDto = (status: 400 | 500, message: string): Reply => ({
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
        success: false,
        message,
        status: status === 400 ? '400 BAD_REQUEST' : '500 INTERNAL_SERVER_ERROR',
        data: null,
    }),
})

/**
 * Any other RuntimeException, e.g. Spring's MethodArgumentTypeMismatchException for a
 * `@RequestParam long serverVersion=5.0`, or a database error a controller does not catch.
 */
export const runtimeFailure = (): Reply => responseDto(500, DEFAULT_MESSAGE)

/** HttpMessageNotReadableException: a `@RequestBody` Jackson could not read (message ""). */
export const unreadableBody = (): Reply => responseDto(400, '')
