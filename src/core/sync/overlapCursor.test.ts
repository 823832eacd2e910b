import { OverlapCursor } from './overlapCursor'

describe('the overlap cursor', () => {
    it('starts a new run `overlap` versions below the highest delivered one', () => {
        const cursor = new OverlapCursor({ high: 10_000, seen: [] }, 500)
        expect(cursor.startVersion()).toBe(9_500)
        expect(new OverlapCursor(undefined, 500).startVersion()).toBe(0)
    })

    it('skips a record it already delivered at the same or a lower serverVersion', () => {
        const cursor = new OverlapCursor(undefined, 100)
        expect(cursor.accept('a', 10)).toBe(true)
        expect(cursor.accept('a', 10)).toBe(false)
        expect(cursor.accept('a', 9)).toBe(false)
    })

    it('delivers an edited record again when it comes back with a higher serverVersion', () => {
        const cursor = new OverlapCursor(undefined, 100)
        cursor.accept('a', 10)
        expect(cursor.accept('a', 42)).toBe(true)
    })

    it('remembers delivered ids across runs through the checkpoint', () => {
        const first = new OverlapCursor(undefined, 100)
        first.accept('a', 950)
        first.accept('b', 1000)
        const second = new OverlapCursor(first.checkpoint(), 100)
        expect(second.startVersion()).toBe(900)
        expect(second.accept('a', 950)).toBe(false)
        expect(second.accept('late', 920)).toBe(true)
    })

    it('forgets ids that fell out of the window, so memory stays bounded', () => {
        const cursor = new OverlapCursor(undefined, 100)
        for (let v = 1; v <= 10_000; v++) cursor.accept(`r${v}`, v)
        const checkpoint = cursor.checkpoint()
        expect(checkpoint.high).toBe(10_000)
        expect(checkpoint.seen.length).toBeLessThanOrEqual(101)
        expect(cursor.windowSize()).toBeLessThanOrEqual(101)
    })
})
