import clients from '../../../test/fixtures/opensrp/clients.json'
import locations from '../../../test/fixtures/opensrp/locations.json'
import page1 from '../../../test/fixtures/opensrp/events-sync-page-1.json'
import page2 from '../../../test/fixtures/opensrp/events-sync-page-2.json'
import { validateClient, validateEvent, validateLocation } from './validate'

const allEvents: unknown[] = [...page1.events, ...page2.events]
const allClients: unknown[] = [...clients, ...page1.clients, ...page2.clients]

function quarantined<T>(
    results: Array<{ ok: true; value: T } | { ok: false; quarantine: unknown }>
) {
    return results.filter((r) => !r.ok)
}

describe('validating OpenSRP records at the edge', () => {
    it('accepts every fixture client, keeping ids and relationships', () => {
        const results = allClients.map(validateClient)
        expect(quarantined(results)).toEqual([])
        const nasrinsBaby = results.find((r) => r.ok && r.value.baseEntityId.startsWith('8919ce68'))
        expect(nasrinsBaby?.ok && nasrinsBaby.value.gender).toBeUndefined()
        expect(nasrinsBaby?.ok && nasrinsBaby.value.relationships.mother).toEqual([
            '8ca9bfa7-7dbf-43b3-a9de-47728beb0a6f',
        ])
    })

    it('accepts every fixture location', () => {
        expect(quarantined(locations.map(validateLocation))).toEqual([])
    })

    it('quarantines only the Penta 3 whose date is written in Bangla digits', () => {
        const results = allEvents.map(validateEvent)
        const held = results.flatMap((r) => (r.ok ? [] : [r.quarantine]))
        expect(held).toHaveLength(1)
        expect(held[0]).toMatchObject({
            recordType: 'event',
            reason: "vaccination date '২০২৪-০২-২৬' is not an ASCII yyyy-MM-dd date",
        })
        expect(held[0]?.path).toMatch(/^obs\[\d+\]\.values\[0\]$/)
    })

    it('keeps a Void Event (no obs, no dateCreated) as a valid record', () => {
        const voids = allEvents
            .map(validateEvent)
            .filter((r) => r.ok && r.value.eventType === 'Void Event')
        expect(voids).toHaveLength(1)
        expect(voids[0]?.ok && voids[0].value.voided).toBe(true)
    })

    it('drops unknown fields instead of passing them on', () => {
        const first = page1.events[0]
        const result = validateEvent({ ...first, data_strategy: 'x', clientDatabaseVersion: 14 })
        expect(result.ok).toBe(true)
        expect(result.ok && Object.keys(result.value)).not.toContain('data_strategy')
    })
})

describe('quarantining malformed OpenSRP records', () => {
    const goodEvent = page1.events[0] as Record<string, unknown>
    const goodClient = clients[0] as Record<string, unknown>

    it.each([
        ['a missing _id', { ...goodEvent, _id: undefined }, '_id is missing', '_id'],
        ['an empty _id', { ...goodEvent, _id: '  ' }, '_id is empty', '_id'],
        [
            'a numeric eventType',
            { ...goodEvent, eventType: 7 },
            'eventType should be string, not number',
            'eventType',
        ],
        [
            'an unparseable eventDate',
            { ...goodEvent, eventDate: '2024-13-40' },
            'eventDate is not a valid ISO date',
            'eventDate',
        ],
        [
            'a serverVersion that is text',
            { ...goodEvent, serverVersion: 'abc' },
            'serverVersion is not a whole number',
            'serverVersion',
        ],
        [
            'obs that are not a list',
            { ...goodEvent, obs: {} },
            'obs should be array, not object',
            'obs',
        ],
    ])('an event with %s', (_label, raw, reason, path) => {
        const result = validateEvent(raw)
        expect(result).toEqual({
            ok: false,
            quarantine: expect.objectContaining({ recordType: 'event', reason, path, raw }),
        })
    })

    it.each([
        [
            'a missing baseEntityId',
            { ...goodClient, baseEntityId: undefined },
            'baseEntityId is missing',
        ],
        [
            'a birthdate in dd-MM-yyyy',
            { ...goodClient, birthdate: '02-03-1994' },
            'birthdate is not a valid ISO date',
        ],
        [
            'identifiers that are not text',
            { ...goodClient, identifiers: { NID: 1994 } },
            'identifiers.NID should be string, not number',
        ],
        [
            'relationships as a string',
            { ...goodClient, relationships: { mother: 'abc' } },
            'relationships.mother should be array, not string',
        ],
    ])('a client with %s', (_label, raw, reason) => {
        const result = validateClient(raw)
        expect(result.ok).toBe(false)
        expect(!result.ok && result.quarantine.reason).toBe(reason)
    })

    it('quotes only the start of a long unreadable vaccination date, so the reason stays in a capped report', () => {
        const dose = page1.events.find((e) => e.eventType === 'Vaccination') as Record<
            string,
            unknown
        >
        const obs = (dose.obs as Array<Record<string, unknown>>).map((o) =>
            o.fieldCode === '1410AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
                ? { ...o, values: ['x'.repeat(100_000)] }
                : o
        )
        const result = validateEvent({ ...dose, obs })
        const reason = result.ok ? '' : result.quarantine.reason
        expect(reason).toBe(
            `vaccination date '${'x'.repeat(40)}… (100000 characters)' is not an ASCII yyyy-MM-dd date`
        )
    })

    it('keeps the id of a quarantined record so an operator can find it in OpenSRP', () => {
        const result = validateClient({ ...goodClient, birthdate: 'yesterday' })
        expect(!result.ok && result.quarantine.recordId).toBe(goodClient.baseEntityId)
        expect(!result.ok && result.quarantine.serverVersion).toBe(goodClient.serverVersion)
    })

    it.each(['Active', 'Pending Review', 'Inactive', 'Not Eligible'])(
        'keeps the server status %p',
        (status) => {
            const result = validateLocation({ id: 'a1', properties: { name: 'Ward 1', status } })
            expect(result.ok && result.value.status).toBe(status)
        }
    )

    it('reads a location without a status as active', () => {
        const result = validateLocation({ id: 'a1', properties: { name: 'Ward 1' } })
        expect(result.ok && result.value.status).toBe('Active')
    })

    it('quarantines a status the server cannot send', () => {
        const result = validateLocation({ id: 'a1', properties: { name: 'W', status: 'ACTIVE' } })
        expect(result.ok).toBe(false)
    })

    it('quarantines a location without a name (the real data has `name2`)', () => {
        const result = validateLocation({ id: '3735', properties: { name2: 'Bangladesh' } })
        expect(!result.ok && result.quarantine.reason).toBe('properties.name is missing')
    })

    it.each([null, 42, 'text', [], [{}], true, undefined])('never throws on %p', (raw) => {
        for (const validate of [validateClient, validateEvent, validateLocation]) {
            const result = validate(raw)
            expect(result.ok).toBe(false)
        }
    })

    it('never throws on randomly damaged records', () => {
        let seed = 42
        const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
        const junk = [null, 0, -1, '', 'x', [], {}, true, { nested: [null] }, '২০২৪']
        for (let i = 0; i < 2000; i++) {
            const damaged: Record<string, unknown> = { ...(i % 2 ? goodEvent : goodClient) }
            const keys = Object.keys(damaged)
            const key = keys[Math.floor(random() * keys.length)] ?? '_id'
            damaged[key] = junk[Math.floor(random() * junk.length)]
            expect(() => validateEvent(damaged)).not.toThrow()
            expect(() => validateClient(damaged)).not.toThrow()
        }
    })
})
