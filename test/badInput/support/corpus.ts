/**
 * The bad-input corpus (test/fixtures/badInput) as raw OpenSRP records: placeholders filled in,
 * shorthands expanded into records shaped as the BD apps write them (reference §5).
 */
import { readFileSync } from 'fs'
import path from 'path'

export type Raw = Record<string, unknown>

export interface Expectation {
    /** The OpenSRP id the report names; `*` for records without one (then `count` of them). */
    sourceId: string
    recordKind: 'client' | 'event'
    code: string
    /** A regular expression the message must match. */
    message: string
    count?: number
}

export interface CorpusFile {
    clients: Raw[]
    /** Raw events, or `@raw` entries: anything at all in the events list. */
    events: unknown[]
    expect: Expectation[]
}

export interface Place {
    facility: string
    facilityName: string
}

const FIXTURES = path.resolve(__dirname, '../../fixtures/badInput')

/** A name of one mebibyte. */
export const HUGE = 'ক'.repeat(1024 * 1024)

const DATE_CONCEPT = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const DOSE_CONCEPT = '1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const PARENT_CODES: Record<string, string> = {
    bcg: '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    opv: '783AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    penta: '1685AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    pcv: '162342AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
}
const UNKNOWN_PARENT = '999999AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

const isoDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text)
const at = (day: string) => `${day}T00:00:00.000+06:00`

function fill(text: string, place: Place): string {
    return text
        .replaceAll('{{FACILITY_NAME}}', place.facilityName)
        .replaceAll('{{FACILITY}}', place.facility)
        .replaceAll('{{HUGE}}', HUGE)
}

function vaccination(
    [baseEntityId, field, date]: [string, string, string],
    rest: Raw,
    place: Place
): Raw {
    const formSubmissionId = String(rest.formSubmissionId)
    const parentCode = PARENT_CODES[field.replace(/_\d+$/, '')] ?? UNKNOWN_PARENT
    const dose = rest['@doseValue'] ?? /_(\d+)$/.exec(field)?.[1] ?? '1'
    return {
        _id: formSubmissionId,
        type: 'Event',
        eventType: 'Vaccination',
        entityType: 'vaccination',
        baseEntityId,
        // OpenSRP refuses an unreadable eventDate at upload; the dose date obs is free text.
        eventDate: at(isoDay(date) ? date : '2023-05-01'),
        locationId: place.facility,
        providerId: 'ha_mouchak_w1',
        team: 'Mouchak Ward 1 EPI Team',
        formSubmissionId,
        identifiers: {},
        details: {},
        obs: [
            {
                fieldType: 'concept',
                fieldDataType: 'date',
                fieldCode: DATE_CONCEPT,
                parentCode,
                formSubmissionField: field,
                values: [date],
                humanReadableValues: [],
            },
            {
                fieldType: 'concept',
                fieldDataType: 'calculate',
                fieldCode: DOSE_CONCEPT,
                parentCode,
                formSubmissionField: `${field}_dose`,
                values: [dose],
                humanReadableValues: [],
            },
        ],
        dateCreated: at('2023-05-02'),
    }
}

function birth([baseEntityId, date]: [string, string], rest: Raw, place: Place): Raw {
    const formSubmissionId = String(rest.formSubmissionId)
    return {
        _id: formSubmissionId,
        type: 'Event',
        eventType: 'Birth Registration',
        entityType: 'child',
        baseEntityId,
        eventDate: at(date),
        locationId: place.facility,
        providerId: 'ha_mouchak_w1',
        formSubmissionId,
        identifiers: {},
        details: {},
        obs: [],
        dateCreated: at(date),
    }
}

function expandEvent(entry: unknown, place: Place): unknown {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry
    const spec = entry as Raw
    if ('@raw' in spec) return spec['@raw']
    const { '@vaccination': dose, '@birth': born, '@omit': omit, '@doseValue': _, ...rest } = spec
    let record: Raw = rest
    if (Array.isArray(dose))
        record = { ...vaccination(dose as [string, string, string], spec, place), ...rest }
    if (Array.isArray(born)) record = { ...birth(born as [string, string], spec, place), ...rest }
    for (const key of Array.isArray(omit) ? (omit as string[]) : []) delete record[key]
    return record
}

/** One corpus file, ready to upload or to serve. */
export function loadCorpus(name: 'valid' | 'uploaded' | 'served', place: Place): CorpusFile {
    const text = fill(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'), place)
    const json = JSON.parse(text) as { clients?: Raw[]; events?: unknown[]; expect?: Expectation[] }
    return {
        clients: json.clients ?? [],
        events: (json.events ?? []).map((e) => expandEvent(e, place)),
        expect: json.expect ?? [],
    }
}

/** A malformed page from test/fixtures/badInput/pages. */
export const brokenPage = (file: string): string =>
    readFileSync(path.join(FIXTURES, 'pages', file), 'utf8')
