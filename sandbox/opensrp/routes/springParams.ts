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
