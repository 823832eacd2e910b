/**
 * @jest-environment node
 */
import { JsonRecord, isRecord } from '../json'
import { fixture, keysOf } from '../testing/request'
import { DOSE_DE, VACCINE_DE, enrollment, event, trackedEntity } from './testData'
import { syncImport } from './testImport'

/** The payload forms POST /api/tracker accepts: nested under tracked entities, or flat. */

describe('POST tracker (sync)', () => {
    it('creates a nested payload: 200 OK report shaped like the fixture', async () => {
        const payload = {
            trackedEntities: [
                trackedEntity('r8T8cT9Llcp', 'BD-KAL-000123', [
                    enrollment('rP1YcJhxdLR', [
                        event('Tbhut1lcO2m'),
                        event('lMHcs1qDmQj', {
                            dataValues: [
                                { dataElement: VACCINE_DE, value: 'OPV' },
                                { dataElement: DOSE_DE, value: '0' },
                            ],
                        }),
                    ]),
                ]),
            ],
        }
        const { res, report } = await syncImport(41, payload)
        const expected = fixture('tracker-report-ok.json')
        expect(res.status).toBe(200)
        expect(keysOf(report)).toEqual(keysOf(expected))
        expect(report.stats).toEqual(expected.stats)
        const map = (report.bundleReport as JsonRecord).typeReportMap
        expect(Object.keys(isRecord(map) ? map : {})).toEqual(
            Object.keys((expected.bundleReport as JsonRecord).typeReportMap as JsonRecord)
        )
        expect(map).toEqual((expected.bundleReport as JsonRecord).typeReportMap)
    })

    it('accepts the flat payload form', async () => {
        const flat = {
            trackedEntities: [trackedEntity('Flatflat001', 'F-1')],
            enrollments: [
                { ...enrollment('Flatflat002'), trackedEntity: 'Flatflat001', events: undefined },
            ],
            events: [{ ...event('Flatflat003'), enrollment: 'Flatflat002' }],
        }
        const { report } = await syncImport(42, flat)
        expect(report.stats).toMatchObject({ created: 3, ignored: 0 })
    })
})
