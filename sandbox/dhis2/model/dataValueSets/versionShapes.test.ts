/**
 * @jest-environment node
 */
import { JsonRecord, records } from '../json'
import { fixedClock } from '../testing/clock'
import { bdModel, body, fixture, keysOf } from '../testing/request'
import { MALE, bcg, payload } from './testData'
import { postDataValueSet } from './testImport'

/** The import summary and its wrapper as each version answers them, and identical re-sends. */

describe('POST dataValueSets — shapes per version', () => {
    it('2.40 success matches the fixture wrapper and summary keys', async () => {
        const { res, summary } = await postDataValueSet(
            40,
            payload([bcg('5'), { dataElement: 'mWhC9DNzwTf', value: '0' }])
        )
        const expected = fixture('dataValueSets-success-2.40.json')
        expect(res.status).toBe(200)
        expect(keysOf(res.body)).toEqual(keysOf(expected))
        expect(body(res)).toMatchObject({
            httpStatus: 'OK',
            httpStatusCode: 200,
            status: 'OK',
            message: 'Import was successful.',
        })
        expect(keysOf(summary)).toEqual(keysOf(expected.response))
        expect(keysOf(summary.importOptions)).toEqual(
            keysOf((expected.response as JsonRecord).importOptions)
        )
        expect(summary.importCount).toEqual({ imported: 2, updated: 0, ignored: 0, deleted: 0 })
    })

    it('2.40 conflicts: 409 WARNING with the fixture conflicts (merged indexes)', async () => {
        const values = [
            bcg('5'),
            bcg('-1'),
            {
                dataElement: 'B0jp1RrdN32',
                categoryOptionCombo: MALE,
                orgUnit: 'NWRRJHHp571',
                value: '1',
            },
            {
                dataElement: 'B0jp1RrdN32',
                categoryOptionCombo: MALE,
                orgUnit: 'NWRRJHHp571',
                period: '202404',
                value: '1',
            },
            { dataElement: 'Xq3dH7uPz0L', value: '1' },
        ]
        const { res, summary } = await postDataValueSet(40, payload(values))
        const expected = fixture('dataValueSets-conflict-2.40.json')
        expect(res.status).toBe(409)
        expect(keysOf(res.body)).toEqual(keysOf(expected))
        expect(body(res)).toMatchObject({
            httpStatus: 'Conflict',
            status: 'WARNING',
            message: expected.message,
        })
        const conflicts = records(summary.conflicts)
        const fixtureConflicts = records((expected.response as JsonRecord).conflicts)
        expect(conflicts[0]).toEqual({
            ...fixtureConflicts[0],
            object: 'B0jp1RrdN32',
            objects: { dataElement: 'B0jp1RrdN32', value: 'value_not_zero_or_positive_integer' },
            value: 'Value must match value type of data element `B0jp1RrdN32`: `value_not_zero_or_positive_integer`',
            indexes: [1],
        })
        expect(conflicts[1]).toMatchObject({
            errorCode: 'E7617',
            property: 'orgUnit',
            objects: { organisationUnit: 'NWRRJHHp571', user: 'L46jEA1kmsI' },
            value: 'Organisation unit: `NWRRJHHp571` not in hierarchy of current user: `L46jEA1kmsI`',
            indexes: [2, 3],
        })
        expect(conflicts[2]).toEqual(
            fixtureConflicts[2] && { ...fixtureConflicts[2], indexes: [4] }
        )
        expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 4, deleted: 0 })
        expect(summary.rejectedIndexes).toBeUndefined()
    })

    it('2.41 adds rejectedIndexes; /api/37/ answers a plain 200 summary up to 2.41 but not on 2.42', async () => {
        const bad = payload([bcg('x'), bcg('1', { period: '202404' })])
        const v41 = await postDataValueSet(41, bad)
        expect(v41.summary.rejectedIndexes).toEqual([0])
        const plain = await postDataValueSet(41, bad, {}, 37)
        expect(plain.res.status).toBe(200)
        expect(keysOf(plain.res.body)).toEqual(
            [...keysOf(fixture('dataValueSets-plain-2.37.json')), 'rejectedIndexes'].sort()
        )
        expect(body(plain.res).status).toBe('WARNING')
        const v42 = await postDataValueSet(42, bad, {}, 37)
        expect(v42.res.status).toBe(409)
    })

    it.each([
        [38, { imported: 0, updated: 1, ignored: 0, deleted: 0 }],
        [39, { imported: 0, updated: 1, ignored: 0, deleted: 0 }],
        [40, { imported: 0, updated: 0, ignored: 1, deleted: 0 }],
        [41, { imported: 0, updated: 0, ignored: 1, deleted: 0 }],
        [42, { imported: 0, updated: 0, ignored: 1, deleted: 0 }],
        [43, { imported: 0, updated: 1, ignored: 0, deleted: 0 }],
    ] as const)('2.%i counts an identical re-send as %j', async (minor, count) => {
        const first = await postDataValueSet(minor, payload([bcg('7')]))
        expect(first.summary.importCount).toEqual(
            minor === 43
                ? { imported: 0, updated: 1, ignored: 0, deleted: 0 }
                : { imported: 1, updated: 0, ignored: 0, deleted: 0 }
        )
        const again = await postDataValueSet(minor, payload([bcg('7')]), {}, undefined, first.model)
        expect(again.summary.importCount).toEqual(count)
        const changed = await postDataValueSet(
            minor,
            payload([bcg('8')]),
            {},
            undefined,
            first.model
        )
        expect(changed.summary.importCount).toMatchObject({ imported: 0, updated: 1 })
    })
})

describe('POST dataValueSets — identical values within 2.40 (§3.1: ignored from 2.40.3)', () => {
    it.each([
        [0, 'updated'],
        [2, 'updated'],
        [3, 'ignored'],
        [12, 'ignored'],
    ] as const)('2.40.%i counts an identical re-send as %s', async (patch, counted) => {
        const model = bdModel(40, { clock: fixedClock, patch })
        await postDataValueSet(40, payload([bcg('7')]), {}, undefined, model)
        const again = await postDataValueSet(40, payload([bcg('7')]), {}, undefined, model)
        expect(again.summary.importCount).toEqual({
            imported: 0,
            updated: counted === 'updated' ? 1 : 0,
            ignored: counted === 'ignored' ? 1 : 0,
            deleted: 0,
        })
    })
})
