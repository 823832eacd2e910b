/**
 * @jest-environment node
 */
import { JsonRecord, records } from '../json'
import { fixedClock } from '../testing/clock'
import { bdModel, body, buildRequest, call, fixture, keysOf } from '../testing/request'
import { PERSON, enrollment, event, trackedEntity } from './testData'
import { errorCodes, statusOf, syncImport } from './testImport'

/** atomicMode ALL and OBJECT, and importMode VALIDATE: what an import with errors saves. */

describe('POST tracker (sync)', () => {
    it('atomicMode ALL: E1064 and E1000 as in the fixture, nothing saved, no bundleReport, all ignored (args from 2.41)', async () => {
        const model = bdModel(41, { clock: fixedClock })
        await syncImport(
            41,
            { trackedEntities: [trackedEntity('r8T8cT9Llcp', 'BD-KAL-000123')] },
            {},
            model
        )
        const payload = {
            trackedEntities: [
                trackedEntity('InJXchfDZFU', 'BD-KAL-000123', [
                    enrollment('Enr0000000a', [event('Evt0000000a')]),
                ]),
                trackedEntity(
                    'OuZ4H4O8P2n',
                    'BD-KAL-000999',
                    [enrollment('Enr0000000b', [event('Evt0000000b')])],
                    { orgUnit: 'NWRRJHHp571' }
                ),
            ],
        }
        const { res, report } = await syncImport(41, payload, {}, model)
        const expected = fixture('tracker-report-error.json')
        expect(res.status).toBe(409)
        expect(keysOf(report)).toEqual(keysOf(expected))
        expect(report.stats).toEqual(expected.stats)
        const errors = records((report.validationReport as JsonRecord).errorReports)
        expect(errors[0]).toEqual(
            records((expected.validationReport as JsonRecord).errorReports)[0]
        )
        expect(errors.find((e) => e.errorCode === 'E1000')).toEqual({
            message: 'User: `L46jEA1kmsI`, has no write access to OrganisationUnit: `NWRRJHHp571`.',
            errorCode: 'E1000',
            trackerType: 'TRACKED_ENTITY',
            uid: 'OuZ4H4O8P2n',
            args: ['L46jEA1kmsI', 'NWRRJHHp571'],
        })
        const found = body(
            await call(
                model,
                buildRequest(41, 'GET', 'tracker/trackedEntities', {
                    query: { trackedEntityType: PERSON },
                })
            )
        )
        expect(records(found.trackedEntities)).toHaveLength(1)
        const v40 = await syncImport(40, {
            trackedEntities: [trackedEntity('OuZ4H4O8P2n', 'X', [], { orgUnit: 'NWRRJHHp571' })],
        })
        expect(
            keysOf(records((v40.report.validationReport as JsonRecord).errorReports)[0])
        ).toEqual(['errorCode', 'message', 'trackerType', 'uid'])
        const v43 = await syncImport(43, {
            trackedEntities: [trackedEntity('OuZ4H4O8P2n', 'X', [], { orgUnit: 'NWRRJHHp571' })],
        })
        expect(records((v43.report.validationReport as JsonRecord).errorReports)[0]?.message).toBe(
            'User: `L46jEA1kmsI` has no capture scope access to OrganisationUnit: `NWRRJHHp571`.'
        )
    })

    // `DefaultTrackerImportService.importTracker`: only atomicMode ALL stops on errors (ERROR, 409);
    // under OBJECT the import completes (`ImportReport.withImportCompleted(Status.OK, …)`).
    it('atomicMode OBJECT saves valid objects, answers 200 OK, and rejects dependants of invalid ones (E5000)', async () => {
        const payload = {
            trackedEntities: [
                trackedEntity('Goodgood001', 'A-1', [enrollment('Goodenr0001')]),
                trackedEntity(
                    'Badbadbad01',
                    'A-2',
                    [enrollment('Badenr00001', [event('Badevt00001')])],
                    { orgUnit: 'NWRRJHHp571' }
                ),
            ],
        }
        const { res, report, model } = await syncImport(42, payload, { atomicMode: 'OBJECT' })
        expect(res.status).toBe(200)
        expect(report.status).toBe('OK')
        // `PersistablesFilter`: E5000 for the enrollment of the rejected tracked entity; its event is
        // dropped without an error (its enrollment failed no validator), so the import's stats
        // count 2 ignored of 4 and only the EVENT type report shows it.
        expect(report.stats).toEqual({ created: 2, updated: 0, deleted: 0, ignored: 2, total: 4 })
        expect(errorCodes(report)).toEqual(['E1000', 'E5000'])
        const types = (report.bundleReport as JsonRecord).typeReportMap as JsonRecord
        expect((types.EVENT as JsonRecord).stats).toEqual({
            created: 0,
            updated: 0,
            deleted: 0,
            ignored: 1,
            total: 1,
        })
        expect(await statusOf(model, 42, 'tracker/trackedEntities/Goodgood001')).toBe(200)
        expect(await statusOf(model, 42, 'tracker/trackedEntities/Badbadbad01')).toBe(404)
    })

    // `DefaultTrackerBundleService.commit` returns an empty PersistenceReport under VALIDATE.
    it('importMode VALIDATE saves nothing: empty typeReportMap, nothing counted', async () => {
        const { res, report, model } = await syncImport(
            42,
            { trackedEntities: [trackedEntity('Valid000001', 'V-1')] },
            { importMode: 'VALIDATE' }
        )
        expect(res.status).toBe(200)
        expect(report.status).toBe('OK')
        expect(report.bundleReport).toEqual({ typeReportMap: {} })
        expect(report.stats).toEqual({ created: 0, updated: 0, deleted: 0, ignored: 0, total: 0 })
        expect(await statusOf(model, 42, 'tracker/trackedEntities/Valid000001')).toBe(404)
    })
})
