/**
 * @jest-environment node
 */
import { records } from '../json'
import { body, keysOf } from '../testing/request'
import { MALE, bcg, payload } from './testData'
import { postDataValueSet } from './testImport'

/** The rewritten 2.43 importer: request aborts, whole data set groups, value-level conflicts. */

describe('POST dataValueSets — 2.43 importer', () => {
    it('WARNING is a 200 with every written value updated and no description', async () => {
        const { res, summary } = await postDataValueSet(
            43,
            payload([
                bcg('1'),
                { dataElement: 'cU8l7fQCLBU', categoryOptionCombo: MALE, value: 'abc' },
            ])
        )
        expect(res.status).toBe(200)
        expect(body(res)).toMatchObject({
            status: 'WARNING',
            message: 'Import completed with warnings, please check import summary.',
        })
        expect(summary.description).toBeUndefined()
        expect(summary.importCount).toEqual({ imported: 0, updated: 1, ignored: 1, deleted: 0 })
        const conflict = records(summary.conflicts)[0]
        expect(keysOf(conflict)).toEqual(['errorCode', 'indexes', 'objects', 'value'])
        expect(conflict).toMatchObject({ errorCode: 'E8122', indexes: [1] })
    })

    it('rejects a whole data set group (E8020) without counting it as ignored: 409 ERROR', async () => {
        const { res, summary } = await postDataValueSet(
            43,
            payload([bcg('1'), { dataElement: 'kW3nRegWk01', value: '1' }])
        )
        expect(res.status).toBe(409)
        expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 0 })
        expect(summary.rejectedIndexes).toEqual([0, 1])
        expect(records(summary.conflicts)[0]).toMatchObject({ errorCode: 'E8020' })
    })

    it('rejects a group outside the capture scope with E8011', async () => {
        const { summary } = await postDataValueSet(
            43,
            payload([bcg('1')], { orgUnit: 'NWRRJHHp571' })
        )
        expect(records(summary.conflicts).map((c) => c.errorCode)).toContain('E8011')
    })

    it('aborts the whole request with indexes [-1] for unknown codes and bad periods', async () => {
        const codes = await postDataValueSet(
            43,
            {
                dataValues: [
                    {
                        dataElement: 'EPI_NOPE',
                        period: '202405',
                        orgUnit: 'EPI_MOUCHAK_W1',
                        value: '1',
                    },
                ],
            },
            { idScheme: 'CODE' }
        )
        expect(codes.res.status).toBe(409)
        expect(records(codes.summary.conflicts)).toEqual([
            expect.objectContaining({ errorCode: 'E8103', indexes: [-1] }),
        ])
        const period = await postDataValueSet(43, payload([bcg('1')], { period: '2021W53' }))
        expect(records(period.summary.conflicts)[0]).toMatchObject({
            errorCode: 'E8100',
            indexes: [-1],
        })
    })
})
