import { enrollmentUid, trackedEntityUid } from '../uid'
import { clientEnrollmentUid, clientTrackedEntityUid, rememberedUid } from './rememberedUids'

const SALT = 'Xk2p9Qw7Lm'

describe('remembered UIDs', () => {
    it('are the UIDs uid.ts derives, the first time and every time after', () => {
        for (let round = 0; round < 2; round++) {
            expect(clientTrackedEntityUid(SALT, 'child-1')).toBe(trackedEntityUid(SALT, 'child-1'))
            expect(clientEnrollmentUid(SALT, 'child-1', 'PRGchild001')).toBe(
                enrollmentUid(SALT, 'child-1', 'PRGchild001')
            )
        }
    })

    it('tell apart inputs that differ only in where a part ends', () => {
        expect(rememberedUid('a\u0000b', 'trackedEntity', 'c')).not.toBe(
            rememberedUid('a', 'trackedEntity', 'b\u0000c')
        )
        expect(clientEnrollmentUid(SALT, 'ab', 'c')).toBe(enrollmentUid(SALT, 'ab', 'c'))
        expect(clientEnrollmentUid(SALT, 'a', 'bc')).toBe(enrollmentUid(SALT, 'a', 'bc'))
    })

    it('stay right after the memory starts over', () => {
        const ids = Array.from({ length: 25_000 }, (_, i) => `client-${i}`)
        for (const id of ids) clientTrackedEntityUid(SALT, id)
        for (const id of [ids[0] ?? '', ids[19_999] ?? '', ids[24_999] ?? ''])
            expect(clientTrackedEntityUid(SALT, id)).toBe(trackedEntityUid(SALT, id))
    })

    it('refuse an empty salt, as uid.ts does, every time', () => {
        expect(() => clientTrackedEntityUid('', 'x')).toThrow(/salt/)
        expect(() => clientTrackedEntityUid('', 'x')).toThrow(/salt/)
    })
})
