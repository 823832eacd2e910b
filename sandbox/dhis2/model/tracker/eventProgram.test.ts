/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, records } from '../json'
import { bdModel, body, buildRequest, call } from '../testing/request'
import { CENTRE, CHILD_PROGRAM, enrollment, event, trackedEntity } from './testData'

/**
 * An event's program stage must belong to its program (ValidationCode E1089, a pre-check); an
 * event without `program` takes it from its stage, so a nested event under an enrollment of
 * another program fails E1079 — DHIS2 never borrows the enrollment's program.
 */

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }
const TT_STAGE = 'uUEzUXJRds2'
const TT_PROGRAM = 'HTqzpjctuad'

async function sync(minor: Dhis2Minor, payload: unknown) {
    const model = bdModel(minor, { clock })
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'tracker', {
            body: payload,
            query: { async: 'false', atomicMode: 'OBJECT' },
        })
    )
    return { res, report: body(res), model }
}

const errors = (report: JsonRecord) =>
    records((report.validationReport as JsonRecord | undefined)?.errorReports)

describe.each([40, 41, 42, 43] as Dhis2Minor[])('event program and stage on 2.%i', (minor) => {
    it('a stage of another program: E1089 (200 under atomicMode OBJECT), the event is not saved', async () => {
        const { res, report, model } = await sync(minor, {
            trackedEntities: [trackedEntity('Te000000001', 'BD-KAL-900001')],
            enrollments: [{ ...enrollment('En000000001'), trackedEntity: 'Te000000001' }],
            events: [
                event('Ev000000001', {
                    enrollment: 'En000000001',
                    program: CHILD_PROGRAM,
                    programStage: TT_STAGE,
                }),
            ],
        })
        expect(res.status).toBe(200)
        expect(errors(report)).toEqual([
            {
                // ValidationCode.java / TrackerErrorCode.java (dhis2-core) per version.
                message:
                    minor >= 43
                        ? `Event: \`Ev000000001\` references ProgramStage \`${TT_STAGE}\` which do not belong to Program \`${CHILD_PROGRAM}\`.`
                        : `Event: \`Ev000000001\`, references a Program Stage \`${TT_STAGE}\` that does not belong to Program \`${CHILD_PROGRAM}\`.`,
                errorCode: 'E1089',
                trackerType: 'EVENT',
                uid: 'Ev000000001',
                ...(minor >= 41 ? { args: ['Ev000000001', TT_STAGE, CHILD_PROGRAM] } : {}),
            },
        ])
        const read = await call(
            model,
            buildRequest(minor, 'GET', 'tracker/events/Ev000000001', { query: {} })
        )
        expect(read.status).toBe(404)
    })

    it('a nested event takes its program from the stage, not from the enrollment (E1079)', async () => {
        const { res, report } = await sync(minor, {
            trackedEntities: [
                trackedEntity('Te000000002', 'BD-KAL-900002', [
                    enrollment('En000000002', [
                        event('Ev000000002', {
                            programStage: TT_STAGE,
                            orgUnit: CENTRE,
                            dataValues: [],
                        }),
                    ]),
                ]),
            ],
        })
        expect(res.status).toBe(200)
        expect(errors(report).map((e) => [e.errorCode, e.uid])).toEqual([['E1079', 'Ev000000002']])
        expect(errors(report)[0]?.message).toContain(
            `${minor >= 43 ? 'Program' : 'program'}: \`${TT_PROGRAM}\``
        )
    })
})
