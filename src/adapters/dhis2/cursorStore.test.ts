/** @jest-environment node */
import { InMemoryKeyValueStore } from '../../../test/fakes/inMemoryKeyValueStore'
import { CursorError, createKeyValueCursorStore } from './cursorStore'

describe('cursors in the dataStore', () => {
    it('starts with no cursor, then reads back what was saved, per scope and stream', async () => {
        const kv = new InMemoryKeyValueStore()
        const cursors = createKeyValueCursorStore(kv)
        expect(await cursors.load('dhaka', 'events')).toBeUndefined()

        await cursors.save('dhaka', 'events', { high: 42, seen: [['ev-1', 42]] })
        await cursors.save('dhaka', 'clients', { high: 7, seen: [] })
        await cursors.save('dhaka.ledger', 'events', { high: 40, seen: [] })

        expect(await cursors.load('dhaka', 'events')).toEqual({ high: 42, seen: [['ev-1', 42]] })
        expect(await cursors.load('dhaka', 'clients')).toEqual({ high: 7, seen: [] })
        expect(await cursors.load('gazipur', 'events')).toBeUndefined()
        expect(await cursors.load('dhaka.ledger', 'events')).toEqual({ high: 40, seen: [] })
        expect((await kv.keys()).sort()).toEqual([
            'cursor.dhaka.clients',
            'cursor.dhaka.events',
            'cursor.dhaka.ledger.events',
        ])
    })

    it('refuses a damaged cursor instead of starting again from the beginning', async () => {
        const kv = new InMemoryKeyValueStore()
        await kv.write('cursor.dhaka.events', { version: 1, checkpoint: { high: '42', seen: [] } })
        const cursors = createKeyValueCursorStore(kv)
        const error: unknown = await cursors.load('dhaka', 'events').catch((e: unknown) => e)
        expect(error).toBeInstanceOf(CursorError)
        expect(error).toMatchObject({
            key: 'cursor.dhaka.events',
            message: expect.stringMatching(
                /^The saved position of the events stream of scope 'dhaka' \(dataStore key 'cursor\.dhaka\.events'\) is damaged at 'checkpoint\.high'\. Nothing was read\./
            ),
        })
    })

    it('refuses to save a checkpoint that could not be read back', async () => {
        const cursors = createKeyValueCursorStore(new InMemoryKeyValueStore())
        await expect(cursors.save('dhaka', 'events', { high: -1, seen: [] })).rejects.toThrow()
    })

    it('refuses scope keys that would not make a clean dataStore key', async () => {
        const cursors = createKeyValueCursorStore(new InMemoryKeyValueStore())
        await expect(cursors.load('dhaka/north', 'events')).rejects.toThrow(
            "'dhaka/north' cannot name a scope: use up to 100 letters, digits, '.', '-' and '_'"
        )
    })
})
