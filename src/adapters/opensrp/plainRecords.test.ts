/**
 * @jest-environment node
 */
import clients from '../../../test/fixtures/opensrp/clients.json'
import page1 from '../../../test/fixtures/opensrp/events-sync-page-1.json'
import page2 from '../../../test/fixtures/opensrp/events-sync-page-2.json'
import { acceptClient, acceptEvent } from './plainRecords'
import { clientSchema, eventSchema } from './schemas'
import { clientFromSchema, eventFromSchema } from './validate'

/** Fixture records as they arrive: parsed from JSON text. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
const fixtureEvents: unknown[] = [...page1.events, ...page2.events].map(wire)
const fixtureClients: unknown[] = [...clients, ...page1.clients, ...page2.clients].map(wire)

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
    let state = seed >>> 0
    return () => {
        state = (state + 0x6d2b79f5) >>> 0
        let t = state
        t = Math.imul(t ^ (t >>> 15), t | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
}

const REPLACEMENTS: unknown[] = [
    null,
    '',
    '   ',
    ' padded ',
    'text',
    '2021-08-23',
    '2021-08-23T00:00:00.000+06:00',
    '2023-02-29',
    '২০২৪-০২-২৬',
    '1634571200005',
    '-1',
    '12.5',
    'Event',
    'Client',
    0,
    -0,
    -1,
    1.5,
    1634571200005,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    false,
    [],
    [null],
    ['2024-02-30'],
    ['1'],
    [1],
    {},
    { key: 'value' },
    { key: 1 },
    { key: ['id'] },
    JSON.parse('{"__proto__": "x"}'),
    JSON.parse('{"__proto__": ["id"]}'),
]

type Container = Record<string, unknown> | unknown[]

const isContainer = (value: unknown): value is Container =>
    typeof value === 'object' && value !== null

/** Every object and array in a record. */
function containersOf(value: unknown, found: Container[] = []): Container[] {
    if (!isContainer(value)) return found
    found.push(value)
    for (const item of Object.values(value)) containersOf(item, found)
    return found
}

const ADDED_KEYS = ['extra', '_rev', 'type', 'voided', 'version', 'obs', '0']

/** One change to a key of a container: dropped, set to undefined, or given a replacement. */
function change(target: Container, key: string, choice: number): void {
    if (choice === REPLACEMENTS.length) Reflect.deleteProperty(target, key)
    else if (choice === REPLACEMENTS.length + 1) Reflect.set(target, key, undefined)
    else Reflect.set(target, key, wire(REPLACEMENTS[choice] ?? null))
}
const CHOICES = REPLACEMENTS.length + 2

/** Every record with exactly one change, for every key of every object and array in it (and a few new keys at its top). */
function singleChanges(records: unknown[]): unknown[] {
    const out: unknown[] = []
    for (const record of records) {
        const count = containersOf(record).length
        for (let c = 0; c < count; c++) {
            const own = Object.keys(containersOf(record)[c] ?? {})
            const keys = c === 0 ? [...own, ...ADDED_KEYS] : own
            for (const key of keys)
                for (let choice = 0; choice < CHOICES; choice++) {
                    const copy = wire(record)
                    const target = containersOf(copy)[c]
                    if (target) change(target, key, choice)
                    out.push(copy)
                }
        }
    }
    return out
}

/** Records with two to four random changes each. */
function randomChanges(records: unknown[], perRecord: number, seed: number): unknown[] {
    const random = prng(seed)
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]
    return records.flatMap((record) =>
        Array.from({ length: perRecord }, () => {
            const copy = wire(record)
            const changes = 2 + Math.floor(random() * 3)
            for (let i = 0; i < changes; i++) {
                const target = pick(containersOf(copy))
                const key = target && pick([...Object.keys(target), ...ADDED_KEYS])
                if (target && key !== undefined) change(target, key, Math.floor(random() * CHOICES))
            }
            return copy
        })
    )
}

/**
 * The hand-written path may leave a record to the schema, but whatever it accepts the schema
 * accepts too, and both make the same domain record (toStrictEqual: the same keys, undefined ones
 * included).
 */
function expectAgreement<T>(
    records: unknown[],
    accept: (raw: unknown) => T | undefined,
    viaSchema: (raw: unknown) => { success: true; value: T } | { success: false }
): { accepted: number; left: number } {
    let accepted = 0
    let left = 0
    for (const raw of records) {
        const quick = accept(raw)
        const schema = viaSchema(raw)
        if (quick === undefined) {
            left++
            continue
        }
        accepted++
        expect({ raw, schemaAccepts: schema.success }).toEqual({ raw, schemaAccepts: true })
        if (schema.success) expect(quick).toStrictEqual(schema.value)
    }
    return { accepted, left }
}

const eventViaSchema = (raw: unknown) => {
    const result = eventSchema.safeParse(raw)
    return result.success
        ? { success: true as const, value: eventFromSchema(result.data) }
        : { success: false as const }
}

const clientViaSchema = (raw: unknown) => {
    const result = clientSchema.safeParse(raw)
    return result.success
        ? { success: true as const, value: clientFromSchema(result.data) }
        : { success: false as const }
}

describe('records accepted without the schema', () => {
    it('are every fixture event and client the schema accepts, made into the same records', () => {
        const events = expectAgreement(fixtureEvents, acceptEvent, eventViaSchema)
        const clients = expectAgreement(fixtureClients, acceptClient, clientViaSchema)

        // Only the Penta 3 dated in Bangla digits is left to the schema (which quarantines it).
        expect(events).toEqual({ accepted: fixtureEvents.length - 1, left: 1 })
        expect(clients).toEqual({ accepted: fixtureClients.length, left: 0 })
    })

    /** The record with the most objects and arrays in it, and the one with the fewest. */
    const extremes = (records: unknown[]) => {
        const sorted = [...records].sort((a, b) => containersOf(b).length - containersOf(a).length)
        return [sorted[0], sorted[sorted.length - 1]]
    }

    it('are never a changed event the schema refuses, and come out as the schema makes them', () => {
        const single = expectAgreement(
            singleChanges(extremes(fixtureEvents)),
            acceptEvent,
            eventViaSchema
        )
        const several = expectAgreement(
            randomChanges(fixtureEvents, 40, 7),
            acceptEvent,
            eventViaSchema
        )
        // Both kinds occur, so the comparison saw accepted and refused records alike.
        for (const { accepted, left } of [single, several]) {
            expect(accepted).toBeGreaterThan(100)
            expect(left).toBeGreaterThan(100)
        }
    })

    it('are never a changed client the schema refuses, and come out as the schema makes them', () => {
        const single = expectAgreement(
            singleChanges(extremes(fixtureClients)),
            acceptClient,
            clientViaSchema
        )
        const several = expectAgreement(
            randomChanges(fixtureClients, 40, 8),
            acceptClient,
            clientViaSchema
        )
        for (const { accepted, left } of [single, several]) {
            expect(accepted).toBeGreaterThan(100)
            expect(left).toBeGreaterThan(100)
        }
    })

    it('leave objects that JSON does not make to the schema', () => {
        const event = fixtureEvents[0]
        expect(acceptEvent(event)).toBeDefined()
        expect(acceptEvent(Object.assign(Object.create(null), event))).toBeUndefined()
        expect(
            acceptEvent({ ...(isContainer(event) ? event : {}), voided: undefined })
        ).toBeUndefined()
        expect(acceptEvent([event])).toBeUndefined()
        expect(acceptEvent({ ...(isContainer(event) ? event : {}), version: NaN })).toBeUndefined()
        const client = fixtureClients[0]
        expect(acceptClient(client)).toBeDefined()
        const attributes = { ...(isContainer(client) ? client : {}), attributes: { a: Infinity } }
        expect(acceptClient(attributes)).toBeUndefined()
        expect(acceptEvent(null)).toBeUndefined()
    })
})
