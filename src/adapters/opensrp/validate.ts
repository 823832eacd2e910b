import type { z, ZodError, ZodType } from 'zod'
import type {
    OpenSrpClient,
    OpenSrpEvent,
    OpenSrpLocation,
    OpenSrpRecordType,
} from '../../core/domain/opensrp'
import type { Validated } from '../../core/domain/quarantine'
import { acceptClient, acceptEvent } from './plainRecords'
import { clientSchema, eventSchema, locationSchema } from './schemas'

/**
 * The edge between OpenSRP's JSON and the core. Every function here takes `unknown` and returns a
 * record or a quarantine entry; none of them throws, whatever arrives.
 */

function jsonPath(path: ReadonlyArray<string | number>): string {
    return path
        .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
        .join('')
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
    let value = raw
    for (const key of path) {
        if (typeof value !== 'object' || value === null) return undefined
        value = Reflect.get(value, key)
    }
    return value
}

function typeName(value: unknown): string {
    if (value === null) return 'null'
    if (Array.isArray(value)) return 'array'
    return typeof value
}

function describeIssue(error: ZodError, raw: unknown): { reason: string; path: string } {
    const issue = error.issues[0]
    if (!issue) return { reason: 'the record is not valid', path: '' }
    const keys = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
    const path = jsonPath(keys)
    if (issue.code === 'invalid_type') {
        const received = valueAt(raw, keys)
        if (received === undefined) return { reason: `${path} is missing`, path }
        return {
            reason: `${path || 'the record'} should be ${issue.expected}, not ${typeName(received)}`,
            path,
        }
    }
    if (issue.code === 'custom' && issue.params?.['standalone'] === true) {
        return { reason: issue.message, path }
    }
    return { reason: path ? `${path} ${issue.message}` : issue.message, path }
}

function peekId(raw: unknown, key: string): string | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined
    const value: unknown = Reflect.get(raw, key)
    return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function peekServerVersion(raw: unknown): number | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined
    const value: unknown = Reflect.get(raw, 'serverVersion')
    return typeof value === 'number' ? value : undefined
}

function validateWith<In, Out>(
    recordType: OpenSrpRecordType,
    schema: ZodType<In>,
    toDomain: (parsed: In) => Out,
    idKeys: string[],
    raw: unknown,
    /** The same checks by hand for records that pass them (plainRecords.ts); the schema decides the rest. */
    accept: (raw: unknown) => Out | undefined = () => undefined
): Validated<Out> {
    const quarantine = (reason: string, path: string): Validated<Out> => {
        const recordId = idKeys.map((key) => peekId(raw, key)).find((id) => id !== undefined)
        const serverVersion = peekServerVersion(raw)
        return {
            ok: false,
            quarantine: {
                recordType,
                reason,
                path,
                raw,
                ...(recordId !== undefined ? { recordId } : {}),
                ...(serverVersion !== undefined ? { serverVersion } : {}),
            },
        }
    }
    try {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
            return quarantine(
                `${recordType === 'event' ? 'an' : 'a'} ${recordType} must be a JSON object`,
                ''
            )
        }
        const accepted = accept(raw)
        if (accepted !== undefined) return { ok: true, value: accepted }
        const result = schema.safeParse(raw)
        if (!result.success) {
            const { reason, path } = describeIssue(result.error, raw)
            return quarantine(reason, path)
        }
        return { ok: true, value: toDomain(result.data) }
    } catch (error) {
        // Defensive: a schema should never throw, but a run must not stop on one record.
        return quarantine(
            `could not be read: ${error instanceof Error ? error.message : String(error)}`,
            ''
        )
    }
}

/** The domain client made of what clientSchema accepted. */
export const clientFromSchema = ({
    _id,
    _rev,
    type: _type,
    ...client
}: z.output<typeof clientSchema>): OpenSrpClient => ({
    ...client,
    id: _id,
    rev: _rev,
    identifiers: client.identifiers ?? {},
    attributes: client.attributes ?? {},
    addresses: client.addresses ?? [],
    relationships: client.relationships ?? {},
    voided: client.voided ?? false,
})

/** The domain event made of what eventSchema accepted. */
export const eventFromSchema = ({
    _id,
    _rev,
    type: _type,
    ...event
}: z.output<typeof eventSchema>): OpenSrpEvent => ({
    ...event,
    id: _id,
    rev: _rev,
    baseEntityId: event.baseEntityId ?? '',
    identifiers: event.identifiers ?? {},
    details: event.details ?? {},
    obs: (event.obs ?? []).map((o) => ({
        ...o,
        humanReadableValues: o.humanReadableValues ?? [],
    })),
    voided: event.voided ?? false,
})

export function validateClient(raw: unknown): Validated<OpenSrpClient> {
    return validateWith(
        'client',
        clientSchema,
        clientFromSchema,
        ['baseEntityId', '_id'],
        raw,
        acceptClient
    )
}

export function validateEvent(raw: unknown): Validated<OpenSrpEvent> {
    return validateWith(
        'event',
        eventSchema,
        eventFromSchema,
        ['_id', 'formSubmissionId'],
        raw,
        acceptEvent
    )
}

export function validateLocation(raw: unknown): Validated<OpenSrpLocation> {
    return validateWith(
        'location',
        locationSchema,
        (location) => ({
            id: location.id,
            name: location.properties.name,
            parentId: location.properties.parentId,
            code: location.properties.code,
            geographicLevel: location.properties.geographicLevel,
            status: location.properties.status ?? 'Active',
            tags: (location.locationTags ?? []).map((tag) => tag.name),
            serverVersion: location.serverVersion,
        }),
        ['id'],
        raw
    )
}
