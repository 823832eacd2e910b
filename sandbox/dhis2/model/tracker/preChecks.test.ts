/**
 * @jest-environment node
 */
import { Dhis2Minor, SandboxUser } from '../../contract'
import { JsonRecord, records } from '../json'
import { EPI_IMPORTER, bdModel, body, buildRequest, call } from '../testing/request'
import { CENTRE, VACCINE_DE, enrollment, event, trackedEntity } from './testData'

/**
 * Tracker pre-checks short-circuit per object (dhis2/dhis2-core: 2.41+ `EventValidator` is a
 * `seq(Uid, Existence, MandatoryFields, Meta, UpdatableFields, DataRelations, SecurityOwnership,
 * all(Date, DataValues…))` that stops at the first validator adding an error; 2.38–2.40 the
 * `PreCheck*ValidationHook`s with `skipOnError`). An event failing E1029 is not checked for capture
 * scope, dates or data values; one failing capture scope (E1000) not for dates or data values;
 * enrollments likewise (`EnrollmentValidator`).
 */

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const ROOT = 'NWRRJHHp571' // not assigned to the program, outside EPI_IMPORTER's capture scope
const OTHER_FACILITY = 'YA71Hl4qHqf' // assigned to the program

async function eventErrors(minor: Dhis2Minor, user: SandboxUser, ev: JsonRecord) {
    const payload = {
        trackedEntities: [
            trackedEntity('TePre000001', 'BD-KAL-800001', [
                enrollment('EnPre000001', [{ ...ev, enrollment: 'EnPre000001' }]),
            ]),
        ],
    }
    const res = await call(
        bdModel(minor, { clock }),
        buildRequest(minor, 'POST', 'tracker', {
            body: payload,
            query: { async: 'false', atomicMode: 'OBJECT' },
            user,
        })
    )
    const report = body(res).validationReport as JsonRecord
    return records(report.errorReports)
        .filter((e) => e.trackerType === 'EVENT')
        .map((e) => e.errorCode)
}

/** No occurredAt (E1031), a value outside the option set (E1125), no dose (E1303): later checks. */
const broken = (orgUnit: string, extra: JsonRecord = {}) =>
    event('EvPre000001', {
        orgUnit,
        occurredAt: undefined,
        dataValues: [{ dataElement: VACCINE_DE, value: 'NOT_A_VACCINE' }],
        ...extra,
    })

describe.each([38, 40, 41, 43] as Dhis2Minor[])('tracker pre-checks on 2.%i', (minor) => {
    it('the later checks apply to an event that passes the pre-checks', async () => {
        expect(await eventErrors(minor, EPI_IMPORTER, broken(CENTRE))).toEqual([
            'E1031',
            'E1125',
            'E1303',
        ])
    })

    it('E1029 (org unit not in the program) stops the event: no E1000, E1031 or E1125', async () => {
        expect(await eventErrors(minor, EPI_IMPORTER, broken(ROOT))).toEqual(['E1029'])
    })

    it('E1000 (capture scope) stops the event before dates and data values', async () => {
        const nurse = { ...EPI_IMPORTER, organisationUnits: [CENTRE] }
        expect(await eventErrors(minor, nurse, broken(OTHER_FACILITY))).toEqual(['E1000'])
    })

    it('meta errors are reported together and stop the event (no E1029, E1000, dates)', async () => {
        const errors = await eventErrors(
            minor,
            EPI_IMPORTER,
            broken('NoSuchOu001', { programStage: 'NoSuchPs001' })
        )
        expect(errors).toEqual(['E1011', 'E1010', 'E1013'])
    })

    it('an enrollment failing E1041 is not checked for capture scope or dates', async () => {
        const payload = {
            trackedEntities: [
                trackedEntity('TePre000002', 'BD-KAL-800002', [
                    enrollment('EnPre000002', [], { orgUnit: ROOT, enrolledAt: '2030-01-01' }),
                ]),
            ],
        }
        const res = await call(
            bdModel(minor, { clock }),
            buildRequest(minor, 'POST', 'tracker', {
                body: payload,
                query: { async: 'false', atomicMode: 'OBJECT' },
                user: EPI_IMPORTER,
            })
        )
        const report = body(res).validationReport as JsonRecord
        expect(records(report.errorReports).map((e) => [e.errorCode, e.trackerType])).toEqual([
            ['E1041', 'ENROLLMENT'],
        ])
    })
})
