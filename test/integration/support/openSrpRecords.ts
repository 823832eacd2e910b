/**
 * Raw OpenSRP records as a device uploads them (reference opensrp-api.md §4–5), for POST
 * /rest/event/add in the aggregate tests. Written from the reference, not from the app's code.
 */
import { randomUUID } from 'crypto'
import type { Raw } from './aggregateOracle'

export const PARENT_CODE = {
    bcg: '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    penta: '1685AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    tt: '84879AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
} as const

/** A Joda date-time at 10:00 in Asia/Dhaka. */
export const dhakaMorning = (date: string) => `${date}T10:00:00.000+06:00`

export function childClient(options: {
    birthdate: string
    locationId: string
    gender?: 'Male' | 'Female'
    baseEntityId?: string
}): Raw {
    const baseEntityId = options.baseEntityId ?? randomUUID()
    return {
        type: 'Client',
        baseEntityId,
        firstName: 'Test',
        lastName: 'Child',
        ...(options.gender ? { gender: options.gender } : {}),
        birthdate: `${options.birthdate}T00:00:00.000+06:00`,
        birthdateApprox: false,
        identifiers: { ZEIR_ID: `T${baseEntityId.slice(0, 8)}` },
        relationships: {},
        locationId: options.locationId,
    }
}

export function birthRegistration(options: {
    client: Raw
    locationId: string
    /** A full Joda date-time. */
    eventDate: string
    weight?: string
    place?: 'Home' | 'Health facility'
}): Raw {
    const obs: Raw[] = []
    if (options.weight !== undefined)
        obs.push(concept('5916', 'text', 'Birth_Weight', [options.weight]))
    if (options.place === 'Home')
        obs.push(concept('1572', 'select one', 'Place_Birth', [code('1536')], ['Home']))
    if (options.place === 'Health facility')
        obs.push(concept('1572', 'select one', 'Place_Birth', [code('1588')], ['Health facility']))
    return event({
        eventType: 'Birth Registration',
        entityType: 'child',
        baseEntityId: String(options.client.baseEntityId),
        locationId: options.locationId,
        eventDate: options.eventDate,
        obs,
    })
}

export function vaccination(options: {
    baseEntityId: string
    locationId: string
    /** The form field (`penta_1`, `bcg`, `tt_2` …). */
    field: string
    parentCode: string
    dose: number
    /** yyyy-MM-dd, the vaccination date (obs 1410). */
    date: string
    eventDate?: string
    formSubmissionId?: string
}): Raw {
    return event({
        eventType: 'Vaccination',
        entityType: 'vaccination',
        baseEntityId: options.baseEntityId,
        locationId: options.locationId,
        eventDate: options.eventDate ?? dhakaMorning(options.date),
        formSubmissionId: options.formSubmissionId,
        obs: [
            {
                fieldType: 'concept',
                fieldCode: '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
                parentCode: options.parentCode,
                fieldDataType: 'date',
                formSubmissionField: options.field,
                values: [options.date],
                humanReadableValues: [],
            },
            {
                fieldType: 'concept',
                fieldCode: '1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
                parentCode: options.parentCode,
                fieldDataType: 'calculate',
                formSubmissionField: `${options.field}_dose`,
                values: [String(options.dose)],
                humanReadableValues: [],
            },
        ],
    })
}

/** The Void Event a CHW app sends to undo a record (§5.4): same formSubmissionId, voided. */
export function voidEvent(original: Raw, when: string): Raw {
    return {
        type: 'Event',
        eventType: 'Void Event',
        entityType: original.entityType,
        baseEntityId: original.baseEntityId,
        locationId: original.locationId,
        providerId: original.providerId,
        formSubmissionId: original.formSubmissionId,
        eventDate: when,
        obs: [],
        voided: true,
        voidReason: 'Edited Event',
        dateVoided: when,
    }
}

/** The same event re-sent by its device with another vaccination date (same formSubmissionId). */
export function withVaccinationDate(original: Raw, date: string): Raw {
    const {
        _id: _dropId,
        _rev: _dropRev,
        serverVersion: _dropVersion,
        dateEdited: _dropEdited,
        ...rest
    } = original
    const obs = (Array.isArray(rest.obs) ? rest.obs : []).map((o: Raw) =>
        o.fieldCode === '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' ? { ...o, values: [date] } : o
    )
    return { ...rest, obs, eventDate: dhakaMorning(date) }
}

function event(fields: {
    eventType: string
    entityType: string
    baseEntityId: string
    locationId: string
    eventDate: string
    obs: Raw[]
    formSubmissionId?: string
}): Raw {
    return {
        type: 'Event',
        eventType: fields.eventType,
        entityType: fields.entityType,
        baseEntityId: fields.baseEntityId,
        eventDate: fields.eventDate,
        locationId: fields.locationId,
        providerId: 'test-provider',
        formSubmissionId: fields.formSubmissionId ?? randomUUID(),
        identifiers: {},
        details: {},
        obs: fields.obs,
    }
}

const code = (concept: string) => concept.padEnd(36, 'A')

function concept(
    id: string,
    dataType: string,
    field: string,
    values: string[],
    labels: string[] = []
): Raw {
    return {
        fieldType: 'concept',
        fieldCode: code(id),
        parentCode: '',
        fieldDataType: dataType,
        formSubmissionField: field,
        values,
        humanReadableValues: labels,
    }
}
