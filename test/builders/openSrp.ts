import type { OpenSrpClient, OpenSrpEvent, OpenSrpObs } from '../../src/core/domain/opensrp'

/** Validated OpenSRP records for unit tests, shaped as the BD apps write them (reference §5). */

const DATE_CONCEPT = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const DOSE_CONCEPT = '1418AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export const PARENT_CODES: Record<string, string> = {
    bcg: '886AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    opv: '783AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    penta: '1685AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    pcv: '162342AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    fipv: '1422AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    mr: '162586AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    rota: '159698AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    tt: '84879AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    yf: '5864AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
}

export function client(overrides: Partial<OpenSrpClient> = {}): OpenSrpClient {
    return {
        id: 'client-1',
        baseEntityId: 'child-1',
        gender: 'Male',
        birthdate: '2024-01-08T00:00:00.000+06:00',
        identifiers: {},
        attributes: {},
        addresses: [],
        relationships: {},
        voided: false,
        serverVersion: 1,
        ...overrides,
    }
}

function baseEvent(overrides: Partial<OpenSrpEvent>): OpenSrpEvent {
    return {
        id: 'event-1',
        baseEntityId: 'child-1',
        eventType: 'Vaccination',
        eventDate: '2024-01-10T00:00:00.000+06:00',
        locationId: 'loc-a',
        formSubmissionId: 'fs-1',
        identifiers: {},
        details: {},
        obs: [],
        voided: false,
        serverVersion: 100,
        ...overrides,
    }
}

/** A dose as VaccineIntentService writes it: `<field>` date obs and `<field>_dose` obs. */
export function vaccination(
    field: string,
    date: string,
    overrides: Partial<OpenSrpEvent> = {},
    dose: string = /_(\d+)$/.exec(field)?.[1] ?? '1'
): OpenSrpEvent {
    const prefix = field.replace(/_\d+$/, '')
    const parentCode = PARENT_CODES[prefix] ?? ''
    const obs: OpenSrpObs[] = [
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
    ]
    return baseEvent({ eventDate: `${date}T00:00:00.000+06:00`, obs, ...overrides })
}

export function birthRegistration(
    place: { value: string; label: string } | undefined,
    weight: string | undefined,
    overrides: Partial<OpenSrpEvent> = {}
): OpenSrpEvent {
    const obs: OpenSrpObs[] = []
    if (weight !== undefined) {
        obs.push({
            fieldType: 'concept',
            fieldDataType: 'text',
            fieldCode: '5916AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
            formSubmissionField: 'Birth_Weight',
            values: [weight],
            humanReadableValues: [],
        })
    }
    if (place) {
        obs.push({
            fieldType: 'concept',
            fieldDataType: 'select one',
            fieldCode: '1572AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
            formSubmissionField: 'Place_Birth',
            values: [place.value],
            humanReadableValues: place.label ? [place.label] : [],
        })
    }
    return baseEvent({
        id: 'br-1',
        formSubmissionId: 'fs-br-1',
        eventType: 'Birth Registration',
        entityType: 'child',
        obs,
        ...overrides,
    })
}

export const FACILITY_BIRTH = {
    value: '1588AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    label: 'Health facility',
}
export const HOME_BIRTH = { value: '1536AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', label: 'Home' }

export function voidEvent(of: OpenSrpEvent, serverVersion: number): OpenSrpEvent {
    return {
        ...of,
        eventType: 'Void Event',
        voided: true,
        voidReason: 'Edited Event',
        obs: [],
        eventDate: '2024-03-06T09:12:40.511+06:00',
        serverVersion,
    }
}
