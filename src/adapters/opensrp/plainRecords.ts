import { isIsoCalendarDate } from '../../core/dates'
import type {
    AttributeValue,
    OpenSrpAddress,
    OpenSrpClient,
    OpenSrpEvent,
    OpenSrpObs,
} from '../../core/domain/opensrp'
import { FieldReader, isFiniteNumber, isPlain, listOf } from './fieldReader'
import { DATE_GIVEN_CONCEPT } from './schemas'

/**
 * The checks of schemas.ts, written out by hand for the records that pass them, which are nearly
 * all: zod and the domain mapping spend ~15 µs on an event, this ~5 µs, and every record of a run
 * is validated.
 *
 * One rule keeps the two from drifting apart: this accepts a record only when the schema would,
 * and gives the same record validate.ts makes of the schema's output (plainRecords.test.ts
 * compares them on the fixtures and on thousands of changed copies). Whatever this does not accept
 * (a malformed record, a non-JSON object, a field present as undefined) goes to the schema, which
 * says why or accepts it. Unknown fields are dropped, as the schema drops them. A field added to
 * a schema must be added here too (the test sees it once a fixture carries it).
 */

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

const attributeValue = (value: unknown): AttributeValue | undefined =>
    typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value)
        ? value
        : undefined

const textList = (value: unknown) => listOf(value, text)

/** Obs values: text or null, copied; undefined when anything else is in them. */
function nullableTexts(value: unknown): Array<string | null> | undefined {
    if (!Array.isArray(value)) return undefined
    const copy: Array<string | null> = []
    for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i]
        if (typeof item !== 'string' && item !== null) return undefined
        copy.push(item)
    }
    return copy
}

function acceptObs(raw: unknown): OpenSrpObs | undefined {
    if (!isPlain(raw)) return undefined
    const r = new FieldReader(raw)
    const fieldType = r.requiredString('fieldType')
    const fieldDataType = r.string('fieldDataType')
    const fieldCode = r.requiredString('fieldCode')
    const parentCode = r.string('parentCode')
    const formSubmissionField = r.string('formSubmissionField')
    const values = nullableTexts(raw['values'])
    const readable = r.value('humanReadableValues')
    const humanReadableValues = readable === undefined ? undefined : nullableTexts(readable)
    if (!r.ok || values === undefined || (readable !== undefined && !humanReadableValues))
        return undefined
    if (fieldCode === DATE_GIVEN_CONCEPT) {
        const given = values[0]
        if (typeof given !== 'string' || !isIsoCalendarDate(given)) return undefined
    }
    const obs: OpenSrpObs = { fieldType, fieldCode, values, humanReadableValues: [] }
    if (fieldDataType !== undefined) obs.fieldDataType = fieldDataType
    if (parentCode !== undefined) obs.parentCode = parentCode
    if (formSubmissionField !== undefined) obs.formSubmissionField = formSubmissionField
    if (humanReadableValues !== undefined) obs.humanReadableValues = humanReadableValues
    return obs
}

const ADDRESS_TEXT_FIELDS = [
    'cityVillage',
    'countyDistrict',
    'stateProvince',
    'country',
    'subTown',
    'town',
    'subDistrict',
    'postalCode',
    'latitude',
    'longitude',
] as const

function acceptAddress(raw: unknown): OpenSrpAddress | undefined {
    if (!isPlain(raw)) return undefined
    const r = new FieldReader(raw)
    const addressType = r.string('addressType')
    const preferred = r.boolean('preferred')
    const address: OpenSrpAddress = { addressFields: r.map('addressFields', text) ?? {} }
    if (addressType !== undefined) address.addressType = addressType
    if (preferred !== undefined) address.preferred = preferred
    for (const field of ADDRESS_TEXT_FIELDS) {
        const value = r.string(field)
        if (value !== undefined) address[field] = value
    }
    return r.ok ? address : undefined
}

/** The event validate.ts makes of what eventSchema accepts, or undefined: ask the schema. */
export function acceptEvent(raw: unknown): OpenSrpEvent | undefined {
    if (!isPlain(raw)) return undefined
    const r = new FieldReader(raw)
    r.literal('type', 'Event')
    const event: OpenSrpEvent = {
        id: r.id('_id'),
        rev: r.string('_rev'),
        baseEntityId: r.string('baseEntityId') ?? '',
        eventType: r.id('eventType'),
        eventDate: r.requiredDateTime('eventDate'),
        identifiers: r.map('identifiers', text) ?? {},
        details: r.map('details', text) ?? {},
        obs: r.list('obs', acceptObs) ?? [],
        voided: r.boolean('voided') ?? false,
        serverVersion: r.serverVersion(),
    }
    const entityType = r.string('entityType')
    if (entityType !== undefined) event.entityType = entityType
    const locationId = r.string('locationId')
    if (locationId !== undefined) event.locationId = locationId
    const childLocationId = r.string('childLocationId')
    if (childLocationId !== undefined) event.childLocationId = childLocationId
    const providerId = r.string('providerId')
    if (providerId !== undefined) event.providerId = providerId
    const team = r.string('team')
    if (team !== undefined) event.team = team
    const teamId = r.string('teamId')
    if (teamId !== undefined) event.teamId = teamId
    const formSubmissionId = r.string('formSubmissionId')
    if (formSubmissionId !== undefined) event.formSubmissionId = formSubmissionId
    const voidReason = r.string('voidReason')
    if (voidReason !== undefined) event.voidReason = voidReason
    const version = r.number('version')
    if (version !== undefined) event.version = version
    const dateCreated = r.dateTime('dateCreated')
    if (dateCreated !== undefined) event.dateCreated = dateCreated
    const dateEdited = r.dateTime('dateEdited')
    if (dateEdited !== undefined) event.dateEdited = dateEdited
    return r.ok ? event : undefined
}

/** The client validate.ts makes of what clientSchema accepts, or undefined: ask the schema. */
export function acceptClient(raw: unknown): OpenSrpClient | undefined {
    if (!isPlain(raw)) return undefined
    const r = new FieldReader(raw)
    r.literal('type', 'Client')
    const client: OpenSrpClient = {
        id: r.id('_id'),
        rev: r.string('_rev'),
        baseEntityId: r.id('baseEntityId'),
        identifiers: r.map('identifiers', text) ?? {},
        attributes: r.map('attributes', attributeValue) ?? {},
        addresses: r.list('addresses', acceptAddress) ?? [],
        relationships: r.map('relationships', textList) ?? {},
        voided: r.boolean('voided') ?? false,
        serverVersion: r.serverVersion(),
    }
    const firstName = r.string('firstName')
    if (firstName !== undefined) client.firstName = firstName
    const middleName = r.string('middleName')
    if (middleName !== undefined) client.middleName = middleName
    const lastName = r.string('lastName')
    if (lastName !== undefined) client.lastName = lastName
    const gender = r.string('gender')
    if (gender !== undefined) client.gender = gender
    const birthdate = r.dateTime('birthdate')
    if (birthdate !== undefined) client.birthdate = birthdate
    const birthdateApprox = r.boolean('birthdateApprox')
    if (birthdateApprox !== undefined) client.birthdateApprox = birthdateApprox
    const deathdate = r.dateTime('deathdate')
    if (deathdate !== undefined) client.deathdate = deathdate
    const clientType = r.string('clientType')
    if (clientType !== undefined) client.clientType = clientType
    const locationId = r.string('locationId')
    if (locationId !== undefined) client.locationId = locationId
    const teamId = r.string('teamId')
    if (teamId !== undefined) client.teamId = teamId
    const dateCreated = r.dateTime('dateCreated')
    if (dateCreated !== undefined) client.dateCreated = dateCreated
    const dateEdited = r.dateTime('dateEdited')
    if (dateEdited !== undefined) client.dateEdited = dateEdited
    return r.ok ? client : undefined
}
