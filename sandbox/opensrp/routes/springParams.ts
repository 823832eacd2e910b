import { missingParam, type Reply } from '../http'
import { springParse, type JavaType } from '../javaNumbers'
import { runtimeFailure } from '../springErrors'

/**
 * A number `@RequestParam` as Spring 5.2 binds it (getAll, countAll): whitespace anywhere is
 * dropped and hex is read (javaNumbers.ts `springParse`). Text that does not convert is a
 * MethodArgumentTypeMismatchException, which GlobalExceptionHandler answers as a 500 ResponseDto.
 * An empty value is null: absent for an optional parameter, a failed call for a required
 * primitive (Spring 5.2 passes the null on and the invocation fails).
 */
export function requestNumber(
    query: URLSearchParams,
    name: string,
    type: JavaType,
    required: boolean
): bigint | undefined | Reply {
    const text = query.get(name)
    if (text === null) return required ? missingParam(name, type) : undefined
    if (text === '') return required ? runtimeFailure() : undefined
    const value = springParse(text, type)
    return value ?? runtimeFailure()
}

export const isReply = (value: bigint | undefined | Reply): value is Reply =>
    typeof value === 'object'

/**
 * A `getAll`'s `serverVersion` (long, required) and `limit` (int, optional; undefined when
 * absent). The limit reaches the database as it is: 0 is LIMIT 0, a negative one a PostgreSQL
 * error that no handler catches (GlobalExceptionHandler's 500).
 */
export function getAllParams(
    query: URLSearchParams
): Reply | { serverVersion: number; limit: number | undefined } {
    const serverVersion = requestNumber(query, 'serverVersion', 'long', true)
    if (isReply(serverVersion)) return serverVersion
    const limitValue = requestNumber(query, 'limit', 'int', false)
    if (isReply(limitValue)) return limitValue
    const limit = limitValue === undefined ? undefined : Number(limitValue)
    if (limit !== undefined && limit < 0) return runtimeFailure()
    return { serverVersion: Number(serverVersion ?? 0n), limit }
}
