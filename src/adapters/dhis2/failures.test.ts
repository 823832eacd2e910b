/**
 * @jest-environment node
 */
import { classifyEngineError } from './failures'
import { httpError } from './testing/scriptedEngine'

describe('classifying a failed DHIS2 request', () => {
    it.each([
        ['undici', 'terminated'],
        ['Chrome', 'network error'],
        ['Chrome (fetch)', 'Failed to fetch'],
        ['Safari', 'Load failed'],
        ['Firefox', 'NetworkError when attempting to fetch resource.'],
    ])('calls an answer cut off mid-body (%s: "%s") a temporary network failure', (_, message) => {
        const classified = classifyEngineError(new TypeError(message))
        expect(classified).toMatchObject({
            kind: 'failure',
            code: 'DHIS2_UNREACHABLE',
            failure: { kind: 'transport', retryable: true },
        })
    })

    it('knows a cut-off body by its name, whichever realm made the error', () => {
        const foreign = Object.assign(Object.create(null), {
            name: 'TypeError',
            message: 'terminated',
        })
        expect(classifyEngineError(foreign)).toMatchObject({ kind: 'failure' })
    })

    it('reads a body that is not JSON as a temporary failure too', () => {
        expect(classifyEngineError(new SyntaxError('Unexpected token <'))).toMatchObject({
            kind: 'failure',
            failure: { retryable: true },
        })
    })

    it('still throws what is a bug rather than an answer', () => {
        const bug = new TypeError("Cannot read properties of undefined (reading 'x')")
        expect(() => classifyEngineError(bug)).toThrow(bug)
    })

    it('leaves a 409 with an import report to the caller to read', () => {
        const report = { httpStatusCode: 409, response: { status: 'ERROR' } }
        expect(classifyEngineError(httpError(409, report))).toMatchObject({ kind: 'answer' })
    })
})
