/**
 * @jest-environment node
 */
import { runFailureOf } from '../../core/sync/runFailure'
import { OpenSrpError, type OpenSrpErrorCode } from './errors'

describe('an OpenSRP error that stops a run', () => {
    it.each<[OpenSrpErrorCode, string, boolean]>([
        ['timeout', 'OPENSRP_UNREACHABLE', true],
        ['network', 'OPENSRP_UNREACHABLE', true],
        ['server-error', 'OPENSRP_UNREACHABLE', true],
        ['rate-limited', 'OPENSRP_UNREACHABLE', true],
        ['credentials-rejected', 'OPENSRP_ACCESS_DENIED', false],
        ['missing-role', 'OPENSRP_ACCESS_DENIED', false],
        ['login-page', 'OPENSRP_UNEXPECTED_ANSWER', false],
        ['not-json', 'OPENSRP_UNEXPECTED_ANSWER', false],
        ['page-cap', 'OPENSRP_REQUEST_REFUSED', false],
    ])(
        'turns "%s" into the run failure %s (retryable: %s), with its message',
        (code, runCode, retryable) => {
            const failure = runFailureOf(new OpenSrpError(code, 'What OpenSRP said.'))
            expect(failure).toMatchObject({
                code: runCode,
                message: 'What OpenSRP said.',
                retryable,
            })
        }
    )
})
