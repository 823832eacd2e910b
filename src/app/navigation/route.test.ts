import { hrefOf, parseHash } from './route'

describe('the location hash', () => {
    it('names a page', () => {
        expect(parseHash('#/run')).toEqual({ page: 'run' })
    })

    it('names one run report under history', () => {
        expect(parseHash('#/history/run%201')).toEqual({ page: 'history', runId: 'run 1' })
        expect(hrefOf({ page: 'history', runId: 'run 1' })).toBe('#/history/run%201')
    })

    it('opens the overview for anything else', () => {
        expect(parseHash('')).toEqual({ page: 'overview' })
        expect(parseHash('#/nowhere')).toEqual({ page: 'overview' })
    })
})
