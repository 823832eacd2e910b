/**
 * @jest-environment node
 */
import conflict240 from '../../../test/fixtures/dhis2/responses/dataValueSets-conflict-2.40.json'
import plain237 from '../../../test/fixtures/dhis2/responses/dataValueSets-plain-2.37.json'
import success240 from '../../../test/fixtures/dhis2/responses/dataValueSets-success-2.40.json'
import { dataValueSetImportResult } from './dataValueImportSummary'

const summary243 = (extra: Record<string, unknown>) => ({
    httpStatus: 'Conflict',
    httpStatusCode: 409,
    status: 'ERROR',
    message: 'An error occurred, please check import summary.',
    response: {
        responseType: 'ImportSummary',
        status: 'ERROR',
        importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0 },
        conflicts: [],
        dataSetComplete: 'false',
        ...extra,
    },
})

describe('normalising a dataValueSets import summary', () => {
    it('reads a 2.40 success wrapper', () => {
        expect(dataValueSetImportResult(success240, 39)).toEqual({
            status: 'OK',
            counts: { created: 37, updated: 2, deleted: 0, ignored: 0 },
            conflicts: [],
            rejectedIndexes: [],
        })
    })

    it('reads a 2.40 409 wrapper: every conflict with its code and the values it names', () => {
        const result = dataValueSetImportResult(conflict240, 43)
        expect(result?.status).toBe('WARNING')
        expect(result?.counts).toEqual({ created: 35, updated: 4, deleted: 0, ignored: 4 })
        expect(result?.conflicts.map((c) => [c.code, c.property, c.indexes])).toEqual([
            ['E7619', 'value', [6]],
            ['E7617', 'orgUnit', [40, 41]],
            ['E7610', 'dataElement', [42]],
        ])
        expect(result?.rejectedIndexes).toEqual([6, 40, 41, 42])
    })

    it('reads the plain 2.37-style summary', () => {
        const result = dataValueSetImportResult(plain237, 39)
        expect(result?.status).toBe('WARNING')
        expect(result?.rejectedIndexes).toEqual([38])
        expect(result?.conflicts[0]).toMatchObject({ code: 'E7610', object: 'Xq3dH7uPz0L' })
    })

    it('adds rejectedIndexes (2.41+) to the conflicts’ indexes', () => {
        const body = {
            ...success240,
            response: {
                ...success240.response,
                status: 'WARNING',
                conflicts: [{ errorCode: 'E7619', value: 'bad', indexes: [1] }],
                rejectedIndexes: [1, 3],
            },
        }
        expect(dataValueSetImportResult(body, 5)?.rejectedIndexes).toEqual([1, 3])
    })

    it('rejects every value when 2.43 aborts the request (index -1)', () => {
        const body = summary243({
            conflicts: [
                {
                    objects: { args: 'ZZZ' },
                    value: 'Data element `ZZZ` not found',
                    errorCode: 'E8103',
                    indexes: [-1],
                },
            ],
        })
        const result = dataValueSetImportResult(body, 3)
        expect(result?.rejectedIndexes).toEqual([0, 1, 2])
        expect(result?.conflicts[0]).toEqual({
            code: 'E8103',
            message: 'Data element `ZZZ` not found',
            indexes: [-1],
        })
    })

    it('rejects every value when 2.38–2.42 abort before the first (ERROR, nothing written)', () => {
        const body = summary243({
            conflicts: [{ object: 'XX', errorCode: 'E7600', value: 'Data set not found' }],
        })
        expect(dataValueSetImportResult(body, 2)?.rejectedIndexes).toEqual([0, 1])
    })

    it('keeps the written values of a 2.43 ERROR that rejected one group only', () => {
        const body = summary243({
            importCount: { imported: 0, updated: 2, ignored: 0, deleted: 0 },
            conflicts: [{ errorCode: 'E8032', value: 'Period locked', indexes: [2, 3] }],
            rejectedIndexes: [2, 3],
        })
        expect(dataValueSetImportResult(body, 4)?.rejectedIndexes).toEqual([2, 3])
    })

    it('is undefined for a WebMessage that carries no summary', () => {
        expect(
            dataValueSetImportResult({ httpStatus: 'Conflict', status: 'ERROR', message: 'x' }, 1)
        ).toBeUndefined()
    })
})
