/**
 * @jest-environment node
 */
import { fixedClock } from '../testing/clock'
import { bdModel } from '../testing/request'
import { enrollment, event, trackedEntity } from './testData'
import { errorCodes, statusOf, syncImport } from './testImport'

/** importStrategy CREATE, UPDATE and DELETE against objects that do or do not exist. */

describe('POST tracker (sync)', () => {
    it('UPDATE, CREATE and DELETE strategies check existence (E1063/E1081/E1032, E1002/E1080/E1030)', async () => {
        const model = bdModel(42, { clock: fixedClock })
        const update = await syncImport(
            42,
            {
                trackedEntities: [
                    trackedEntity('Nothere0001', 'U-1', [
                        enrollment('Nothere0002', [event('Nothere0003')]),
                    ]),
                ],
            },
            { importStrategy: 'UPDATE', atomicMode: 'OBJECT' },
            model
        )
        expect(errorCodes(update.report)).toEqual(
            expect.arrayContaining(['E1063', 'E1081', 'E1032'])
        )
        const full = {
            trackedEntities: [
                trackedEntity('Exists00001', 'U-2', [
                    enrollment('Exists00002', [event('Exists00003')]),
                ]),
            ],
        }
        expect((await syncImport(42, full, {}, model)).res.status).toBe(200)
        const create = await syncImport(
            42,
            full,
            { importStrategy: 'CREATE', atomicMode: 'OBJECT' },
            model
        )
        expect(errorCodes(create.report)).toEqual(
            expect.arrayContaining(['E1002', 'E1080', 'E1030'])
        )
        const again = await syncImport(42, full, {}, model)
        expect(again.report.stats).toMatchObject({ updated: 3, created: 0 })
        const del = await syncImport(
            42,
            { events: [{ event: 'Exists00003' }] },
            { importStrategy: 'DELETE' },
            model
        )
        expect(del.report.stats).toMatchObject({ deleted: 1 })
        expect(await statusOf(model, 42, 'tracker/events/Exists00003')).toBe(404)
    })
})
