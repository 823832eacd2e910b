import type { RecordError } from '../../core/summary/types'
import { groupErrorsByCode } from './groupErrors'

const error = (code: string, sourceId: string, orgUnit?: string): RecordError => ({
    sourceId,
    recordKind: 'client',
    kind: 'rejected',
    code,
    message: `${code} for ${sourceId}`,
    ...(orgUnit ? { orgUnit } : {}),
})

describe('groupErrorsByCode', () => {
    it('puts the most frequent code first and names the org units of each', () => {
        const groups = groupErrorsByCode([
            error('E1064', 'a', 'OU1'),
            error('OSRP_NO_ORG_UNIT', 'b'),
            error('E1064', 'c', 'OU2'),
            error('E1064', 'd', 'OU1'),
        ])
        expect(groups.map((g) => [g.code, g.count, g.orgUnits])).toEqual([
            ['E1064', 3, ['OU1', 'OU2']],
            ['OSRP_NO_ORG_UNIT', 1, []],
        ])
    })

    it('gives nothing for no errors', () => {
        expect(groupErrorsByCode([])).toEqual([])
    })
})
