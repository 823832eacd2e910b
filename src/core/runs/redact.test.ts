/** @jest-environment node */
import type { RecordError } from '../summary/types'
import { redactCredentials, redactRecordError, redactText } from './redact'

const clean = (text: string) => redactText(text, 10_000)

describe('redacting text for run reports', () => {
    it('removes the userinfo of URLs and keeps where they point', () => {
        expect(
            clean('GET https://admin:S3cret!@opensrp.example.org/opensrp/rest/client failed')
        ).toBe('GET https://[redacted]@opensrp.example.org/opensrp/rest/client failed')
    })

    it('removes Authorization headers and bearer, basic and ApiToken credentials', () => {
        expect(clean('headers: {"Authorization":"Basic YWRtaW46ZGlzdHJpY3Q="}')).toBe(
            'headers: {"Authorization":"[redacted]"}'
        )
        expect(
            clean(
                'sent Bearer eyJhbGciOi.abc123DEF456.sig and ApiToken d2pat_abcdefghijklmnop1234567890'
            )
        ).not.toMatch(/eyJ|d2pat_abcdef/)
        expect(clean('Basic YWRtaW46ZGlzdHJpY3Q= was refused')).toBe('Basic [redacted] was refused')
        expect(clean('Basic authentication failed')).toBe('Basic authentication failed')
    })

    it('removes values named like secrets, keeping the name', () => {
        expect(clean('login with password=Nurse123&user=nurse')).toBe(
            'login with password=[redacted]&user=nurse'
        )
        expect(clean('{"access_token": "abc.def", "expires_in": 300}')).toBe(
            '{"access_token": [redacted], "expires_in": 300}'
        )
        expect(clean("client_secret: 'x y z'")).toBe('client_secret: [redacted]')
    })

    it('removes long random-looking keys but keeps OpenSRP ids, DHIS2 UIDs and codes', () => {
        const message =
            'Client 8ca9bfa7-7dbf-43b3-a9de-47728beb0a6f (TE kX3pQ9wLm2Z): E1064 OSRP_NO_ORG_UNIT_FOR_LOCATION key aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3'
        expect(clean(message)).toBe(
            'Client 8ca9bfa7-7dbf-43b3-a9de-47728beb0a6f (TE kX3pQ9wLm2Z): E1064 OSRP_NO_ORG_UNIT_FOR_LOCATION key [redacted]'
        )
    })

    it('removes e-mail addresses and phone numbers', () => {
        expect(clean('mother rahima@example.com, phone 01712345678 or +880 1712 345678')).toBe(
            'mother [e-mail], phone [phone] or [phone]'
        )
        expect(clean('period 2024-01-15, value 20240115')).toBe('period 2024-01-15, value 20240115')
    })

    it('caps the length', () => {
        expect(redactText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
    })

    it('leaves credential-free ids alone', () => {
        expect(redactCredentials('8ca9bfa7-7dbf-43b3-a9de-47728beb0a6f')).toBe(
            '8ca9bfa7-7dbf-43b3-a9de-47728beb0a6f'
        )
    })
})

describe('redacting a record error', () => {
    it('keeps only what a reviewer needs, scrubbed', () => {
        const error: RecordError = {
            sourceId: 'client-1',
            recordKind: 'client',
            kind: 'transport',
            code: 'HTTP_500',
            message:
                'POST https://operator:Operator123@dhis2.example.org/api/tracker: token=abc123',
            orgUnit: 'Fac00000001',
            period: '202401',
            uid: 'kX3pQ9wLm2Z',
        }
        // What a careless caller might attach at run time; the report must not keep it.
        const errorWithExtras = {
            ...error,
            request: { headers: { Authorization: 'Basic b3BlcmF0b3I6T3BlcmF0b3IxMjM=' } },
        }
        expect(redactRecordError(errorWithExtras, 500)).toEqual({
            sourceId: 'client-1',
            recordKind: 'client',
            kind: 'transport',
            code: 'HTTP_500',
            message: 'POST https://[redacted]@dhis2.example.org/api/tracker: token=[redacted]',
            orgUnit: 'Fac00000001',
            period: '202401',
            uid: 'kX3pQ9wLm2Z',
        })
    })
})
