/** @jest-environment node */
import { synchronousUrl } from './directImport'

describe('replaying captured tracker imports', () => {
    it('asks DHIS2 to answer at once and keeps the other parameters', () => {
        expect(synchronousUrl('/api/tracker?async=true&atomicMode=OBJECT')).toBe(
            '/api/tracker?async=false&atomicMode=OBJECT'
        )
        expect(synchronousUrl('/api/tracker')).toBe('/api/tracker?async=false')
    })
})
