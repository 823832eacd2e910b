import { deterministicUid, enrollmentUid, eventUid, isDhis2Uid, trackedEntityUid } from './uid'

const SALT = 'Xk2p9Qw7Lm'

describe('deterministic DHIS2 UIDs', () => {
    it('gives the same UID for the same salt and OpenSRP id', () => {
        const id = '8ca9bfa7-7dbf-43b3-a9de-47728beb0a6f'
        expect(trackedEntityUid(SALT, id)).toBe(trackedEntityUid(SALT, id))
    })

    it('gives different UIDs to different installations (salts)', () => {
        const id = '8ca9bfa7-7dbf-43b3-a9de-47728beb0a6f'
        expect(trackedEntityUid(SALT, id)).not.toBe(trackedEntityUid('other-salt', id))
    })

    it('keeps tracked entity, enrollment and event UIDs of one id apart', () => {
        const id = 'f6603eb9-0000-4000-8000-000000000001'
        const uids = new Set([
            trackedEntityUid(SALT, id),
            enrollmentUid(SALT, id, 'PRGchild001'),
            enrollmentUid(SALT, id, 'PRGmother01'),
            eventUid(SALT, id),
        ])
        expect(uids.size).toBe(4)
    })

    it('does not confuse ("ab","c") with ("a","bc")', () => {
        expect(deterministicUid(SALT, 'enrollment', 'ab', 'c')).not.toBe(
            deterministicUid(SALT, 'enrollment', 'a', 'bc')
        )
    })

    it('refuses an empty salt instead of silently sharing UIDs across installations', () => {
        expect(() => trackedEntityUid('', 'x')).toThrow(/salt/)
    })

    it('is stable across releases (a changed algorithm would duplicate every record)', () => {
        expect(trackedEntityUid('sandbox-salt', 'd1d98a4c-86b8-4067-84fd-2d15d90f1697')).toBe(
            'stoWzcn62Bd'
        )
    })

    it('produces a million valid, distinct UIDs for a million OpenSRP ids', () => {
        const seen = new Set<string>()
        let invalid = 0
        for (let i = 0; i < 1_000_000; i++) {
            const uid = trackedEntityUid(SALT, `client-${i}`)
            if (!isDhis2Uid(uid)) invalid++
            seen.add(uid)
        }
        expect(invalid).toBe(0)
        expect(seen.size).toBe(1_000_000)
    })
})
