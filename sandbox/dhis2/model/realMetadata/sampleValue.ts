import { generateUid } from '../uid'

/** The day the samples are written for: enrollment, event and data value dates. */
export const SAMPLE_DAY = new Date(Date.UTC(2024, 0, 15))

/** A value of `valueType` DHIS2 accepts: the first option if any, else a typical value. */
export function sampleValue(valueType: string, options: string[], orgUnit: string): string {
    if (options[0] !== undefined) return options[0]
    const samples: Record<string, string> = {
        NUMBER: '12.5',
        INTEGER: '3',
        INTEGER_POSITIVE: '3',
        INTEGER_ZERO_OR_POSITIVE: '3',
        INTEGER_NEGATIVE: '-3',
        PERCENTAGE: '50',
        UNIT_INTERVAL: '0.5',
        BOOLEAN: 'true',
        TRUE_ONLY: 'true',
        DATE: '2024-01-10',
        AGE: '2020-01-10',
        DATETIME: '2024-01-10T10:00:00.000',
        TIME: '10:00',
        PHONE_NUMBER: '+8801712345678',
        EMAIL: 'sample@example.org',
        LETTER: 'A',
        URL: 'https://example.org',
        COORDINATE: '[90.4,23.8]',
        ORGANISATION_UNIT: orgUnit,
    }
    return samples[valueType] ?? `Sample ${generateUid()}`
}
