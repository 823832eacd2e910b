/**
 * @jest-environment node
 */
import { fixedClock } from '../testing/clock'
import { bdModel } from '../testing/request'
import { OSRP_ID, trackedEntity } from './testData'
import { errorCodes, syncImport } from './testImport'

/** The lasting index (storedIndex.ts) answers as a scan of the stored objects would. */
describe('unique attribute values across imports', () => {
    it('a value written by one import is taken for the next, and free once its holder changes it', async () => {
        const model = bdModel(42, { clock: fixedClock })
        const first = await syncImport(
            42,
            { trackedEntities: [trackedEntity('Holderone01', 'V-1')] },
            {},
            model
        )
        expect(first.res.status).toBe(200)
        const taken = await syncImport(
            42,
            { trackedEntities: [trackedEntity('Holdertwo01', 'V-1')] },
            {},
            model
        )
        expect(errorCodes(taken.report)).toEqual(['E1064'])
        const changed = await syncImport(
            42,
            { trackedEntities: [trackedEntity('Holderone01', 'V-2')] },
            {},
            model
        )
        expect(changed.res.status).toBe(200)
        const free = await syncImport(
            42,
            { trackedEntities: [trackedEntity('Holdertwo01', 'V-1')] },
            {},
            model
        )
        expect(free.res.status).toBe(200)
        const again = await syncImport(
            42,
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Holderthr01', 'V-3'),
                        attributes: [{ attribute: OSRP_ID, value: 'V-2' }],
                    },
                ],
            },
            {},
            model
        )
        expect(errorCodes(again.report)).toEqual(['E1064'])
    })

    it('a restored state is looked up afresh', async () => {
        const source = bdModel(42, { clock: fixedClock })
        await syncImport(42, { trackedEntities: [trackedEntity('Restored001', 'R-1')] }, {}, source)
        const model = bdModel(42, { clock: fixedClock })
        const before = await syncImport(
            42,
            { trackedEntities: [trackedEntity('Otherone001', 'R-0')] },
            {},
            model
        )
        expect(before.res.status).toBe(200)
        model.restore(source.snapshot())
        const after = await syncImport(
            42,
            { trackedEntities: [trackedEntity('Othertwo001', 'R-1')] },
            {},
            model
        )
        expect(errorCodes(after.report)).toEqual(['E1064'])
    })
})
