import { z } from 'zod'
import { isIsoCalendarDate, isOpenSrpDateTime } from '../../core/dates'

/**
 * Runtime schemas for what OpenSRP sends (reference/opensrp-api.md §4). Known fields are checked;
 * unknown ones are dropped, because every OpenSRP release adds some (`clientDatabaseVersion`,
 * obs `set`, `saveObsAsArray` …) and they carry nothing we map.
 */

const nonEmptyId = z.string().trim().min(1, 'is empty')

const dateTime = z.string().refine((text) => isOpenSrpDateTime(text), {
    message: 'is not a valid ISO date',
})

/** Jackson writes longs as numbers; a few exports quote them. */
const serverVersion = z.union([z.number(), z.string()]).transform((value, ctx) => {
    const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN
    if (!Number.isSafeInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: 'is not a whole number', input: value })
        return z.NEVER
    }
    return n
})

const stringMap = z.record(z.string(), z.string())

const address = z.object({
    addressType: z.string().optional(),
    preferred: z.boolean().optional(),
    addressFields: stringMap.optional().transform((fields) => fields ?? {}),
    cityVillage: z.string().optional(),
    countyDistrict: z.string().optional(),
    stateProvince: z.string().optional(),
    country: z.string().optional(),
    subTown: z.string().optional(),
    town: z.string().optional(),
    subDistrict: z.string().optional(),
    postalCode: z.string().optional(),
    latitude: z.string().optional(),
    longitude: z.string().optional(),
})

export const clientSchema = z.object({
    _id: nonEmptyId,
    _rev: z.string().optional(),
    type: z.literal('Client').optional(),
    baseEntityId: nonEmptyId,
    firstName: z.string().optional(),
    middleName: z.string().optional(),
    lastName: z.string().optional(),
    gender: z.string().optional(),
    birthdate: dateTime.optional(),
    birthdateApprox: z.boolean().optional(),
    deathdate: dateTime.optional(),
    clientType: z.string().optional(),
    identifiers: stringMap.optional(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    addresses: z.array(address).optional(),
    relationships: z.record(z.string(), z.array(z.string())).optional(),
    locationId: z.string().optional(),
    teamId: z.string().optional(),
    voided: z.boolean().optional(),
    dateCreated: dateTime.optional(),
    dateEdited: dateTime.optional(),
    serverVersion,
})

export const DATE_GIVEN_CONCEPT = '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** Enough of a value to recognise it; a longer one would push the reason out of a capped report. */
const QUOTED_LENGTH = 40

function quoted(value: string | null | undefined): string {
    const text = String(value)
    return text.length > QUOTED_LENGTH
        ? `${text.slice(0, QUOTED_LENGTH)}… (${text.length} characters)`
        : text
}

const obs = z
    .object({
        fieldType: z.string(),
        fieldDataType: z.string().optional(),
        fieldCode: z.string(),
        parentCode: z.string().optional(),
        formSubmissionField: z.string().optional(),
        values: z.array(z.string().nullable()),
        humanReadableValues: z.array(z.string().nullable()).optional(),
    })
    // The vaccination date obs decides the DHIS2 period; a date we cannot read would land in the
    // wrong period or none, so the record is held back (Bangla-locale tablets write ২০২৪-০২-২৬).
    .superRefine((value, ctx) => {
        if (value.fieldCode !== DATE_GIVEN_CONCEPT) return
        const given = value.values[0]
        if (typeof given !== 'string' || !isIsoCalendarDate(given)) {
            ctx.addIssue({
                code: 'custom',
                input: given,
                path: ['values', 0],
                params: { standalone: true },
                message: `vaccination date '${quoted(given)}' is not an ASCII yyyy-MM-dd date`,
            })
        }
    })

export const eventSchema = z.object({
    _id: nonEmptyId,
    _rev: z.string().optional(),
    type: z.literal('Event').optional(),
    baseEntityId: z.string().optional(),
    eventType: nonEmptyId,
    entityType: z.string().optional(),
    eventDate: dateTime,
    locationId: z.string().optional(),
    childLocationId: z.string().optional(),
    providerId: z.string().optional(),
    team: z.string().optional(),
    teamId: z.string().optional(),
    formSubmissionId: z.string().optional(),
    identifiers: stringMap.optional(),
    details: stringMap.optional(),
    obs: z.array(obs).optional(),
    voided: z.boolean().optional(),
    voidReason: z.string().optional(),
    version: z.number().optional(),
    dateCreated: dateTime.optional(),
    dateEdited: dateTime.optional(),
    serverVersion,
})

/**
 * LocationProperty.PropertyStatus as the server's Gson writes it (@SerializedName): opensrp-server-
 * core had Active, Inactive and Pending Review; opensrp-plan-evaluator adds Not Eligible.
 */
const locationStatus = z.enum(['Active', 'Inactive', 'Pending Review', 'Not Eligible'])

export const locationSchema = z.object({
    type: z.literal('Feature').optional(),
    id: nonEmptyId,
    properties: z.object({
        name: nonEmptyId,
        parentId: z.string().optional(),
        code: z.string().optional(),
        geographicLevel: z.number().int().optional(),
        status: locationStatus.optional(),
    }),
    locationTags: z.array(z.object({ name: z.string() })).optional(),
    serverVersion: serverVersion.optional(),
})
