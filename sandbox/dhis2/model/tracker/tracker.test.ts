/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { JsonRecord, isRecord, records } from '../json'
import path from 'path'
import {
    ADMIN,
    bdMetadata,
    bdModel,
    body,
    buildRequest,
    call,
    fixture,
    keysOf,
    readJson,
} from '../testing/request'
import {
    CENTRE,
    CHILD_PROGRAM,
    DOB,
    DOSE_DE,
    FIRST_NAME,
    OSRP_ID,
    PERSON,
    SEX,
    TT_PROGRAM,
    VACCINE_DE,
    enrollment,
    event,
    trackedEntity,
} from './testData'

const clock = { now: () => new Date('2024-06-03T10:20:41.377Z') }

async function sync(
    minor: Dhis2Minor,
    payload: unknown,
    query: Record<string, string> = {},
    model = bdModel(minor, { clock })
) {
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'tracker', {
            body: payload,
            query: { async: 'false', ...query },
        })
    )
    return { res, report: body(res), model }
}

const errorCodes = (report: JsonRecord) =>
    records((report.validationReport as JsonRecord).errorReports).map((e) => e.errorCode)

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
        const { res, report } = await sync(41, payload)
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

    it('atomicMode ALL: E1064 and E1000 as in the fixture, nothing saved, no bundleReport, all ignored (args from 2.41)', async () => {
        const model = bdModel(41, { clock })
        await sync(
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
        const { res, report } = await sync(41, payload, {}, model)
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
        const v40 = await sync(40, {
            trackedEntities: [trackedEntity('OuZ4H4O8P2n', 'X', [], { orgUnit: 'NWRRJHHp571' })],
        })
        expect(
            keysOf(records((v40.report.validationReport as JsonRecord).errorReports)[0])
        ).toEqual(['errorCode', 'message', 'trackerType', 'uid'])
        const v43 = await sync(43, {
            trackedEntities: [trackedEntity('OuZ4H4O8P2n', 'X', [], { orgUnit: 'NWRRJHHp571' })],
        })
        expect(records((v43.report.validationReport as JsonRecord).errorReports)[0]?.message).toBe(
            'User: `L46jEA1kmsI` has no capture scope access to OrganisationUnit: `NWRRJHHp571`.'
        )
    })

    it('atomicMode OBJECT saves valid objects, still ERROR, and rejects dependants of invalid ones (E5000)', async () => {
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
        const { res, report, model } = await sync(42, payload, { atomicMode: 'OBJECT' })
        expect(res.status).toBe(409)
        expect(report.status).toBe('ERROR')
        expect(report.stats).toEqual({ created: 2, updated: 0, deleted: 0, ignored: 3, total: 5 })
        expect(errorCodes(report)).toEqual(['E1000', 'E5000', 'E5000'])
        expect(
            (await call(model, buildRequest(42, 'GET', 'tracker/trackedEntities/Goodgood001')))
                .status
        ).toBe(200)
        expect(
            (await call(model, buildRequest(42, 'GET', 'tracker/trackedEntities/Badbadbad01')))
                .status
        ).toBe(404)
    })

    it('importMode VALIDATE saves nothing', async () => {
        const { res, report, model } = await sync(
            42,
            { trackedEntities: [trackedEntity('Valid000001', 'V-1')] },
            { importMode: 'VALIDATE' }
        )
        expect(res.status).toBe(200)
        expect(report.bundleReport).toBeUndefined()
        expect(
            (await call(model, buildRequest(42, 'GET', 'tracker/trackedEntities/Valid000001')))
                .status
        ).toBe(404)
    })

    it('UPDATE, CREATE and DELETE strategies check existence (E1063/E1081/E1032, E1002/E1080/E1030)', async () => {
        const model = bdModel(42, { clock })
        const update = await sync(
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
        expect((await sync(42, full, {}, model)).res.status).toBe(200)
        const create = await sync(
            42,
            full,
            { importStrategy: 'CREATE', atomicMode: 'OBJECT' },
            model
        )
        expect(errorCodes(create.report)).toEqual(
            expect.arrayContaining(['E1002', 'E1080', 'E1030'])
        )
        const again = await sync(42, full, {}, model)
        expect(again.report.stats).toMatchObject({ updated: 3, created: 0 })
        const del = await sync(
            42,
            { events: [{ event: 'Exists00003' }] },
            { importStrategy: 'DELETE' },
            model
        )
        expect(del.report.stats).toMatchObject({ deleted: 1 })
        expect(
            (await call(model, buildRequest(42, 'GET', 'tracker/events/Exists00003'))).status
        ).toBe(404)
    })

    it.each([
        ['E1048', { trackedEntities: [trackedEntity('bad-uid', 'X-1')] }],
        [
            'E1005',
            {
                trackedEntities: [
                    trackedEntity('Tetmissing1', 'X-2', [], { trackedEntityType: 'Nope0000001' }),
                ],
            },
        ],
        [
            'E1006',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Attrmissin1', 'X-3'),
                        attributes: [
                            { attribute: OSRP_ID, value: 'X-3' },
                            { attribute: 'Nope0000001', value: 'x' },
                        ],
                    },
                ],
            },
        ],
        [
            'E1007',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Attrtype001', 'X-4'),
                        attributes: [
                            { attribute: OSRP_ID, value: 'X-4' },
                            { attribute: DOB, value: 'yesterday' },
                        ],
                    },
                ],
            },
        ],
        [
            'E1125',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Attropt0001', 'X-5'),
                        attributes: [
                            { attribute: OSRP_ID, value: 'X-5' },
                            { attribute: SEX, value: 'UNKNOWN' },
                        ],
                    },
                ],
            },
        ],
        [
            'E1090',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Mandatory01', 'X-6'),
                        attributes: [{ attribute: FIRST_NAME, value: 'A' }],
                    },
                ],
            },
        ],
        [
            'E1018',
            {
                trackedEntities: [
                    {
                        ...trackedEntity('Mandatory02', 'X-7', [enrollment('Mandenr0001')]),
                        attributes: [{ attribute: OSRP_ID, value: 'X-7' }],
                    },
                ],
            },
        ],
        [
            'E1019',
            {
                trackedEntities: [
                    trackedEntity('Notprog0001', 'X-8', [
                        enrollment('Notprog0002', [], {
                            program: TT_PROGRAM,
                            attributes: [{ attribute: 'GKuYUURSRwy', value: 'x' }],
                        }),
                    ]),
                ],
            },
        ],
        [
            'E1023',
            {
                trackedEntities: [
                    trackedEntity('Nooccur0001', 'X-9', [
                        enrollment('Nooccur0002', [], { occurredAt: undefined }),
                    ]),
                ],
            },
        ],
        [
            'E1025',
            {
                trackedEntities: [
                    trackedEntity('Noenrol0001', 'X-10', [
                        enrollment('Noenrol0002', [], { enrolledAt: undefined }),
                    ]),
                ],
            },
        ],
        [
            'E1041',
            {
                trackedEntities: [
                    trackedEntity(
                        'Notassign01',
                        'X-11',
                        [enrollment('Notassign02', [], { orgUnit: 'TJVyV3rXr9T' })],
                        { orgUnit: 'TJVyV3rXr9T' }
                    ),
                ],
            },
        ],
        [
            'E1069',
            {
                trackedEntities: [
                    trackedEntity('Noprog00001', 'X-12', [
                        enrollment('Noprog00002', [], { program: 'Nope0000001' }),
                    ]),
                ],
            },
        ],
        [
            'E1070',
            {
                trackedEntities: [
                    trackedEntity('Noou0000001', 'X-13', [
                        enrollment('Noou0000002', [], { orgUnit: 'Nope0000001' }),
                    ]),
                ],
            },
        ],
        [
            'E1087',
            {
                trackedEntities: [
                    trackedEntity('Node0000001', 'X-14', [
                        enrollment('Node0000002', [
                            event('Node0000003', {
                                dataValues: [{ dataElement: 'Nope0000001', value: '1' }],
                            }),
                        ]),
                    ]),
                ],
            },
        ],
        [
            'E1125',
            {
                trackedEntities: [
                    trackedEntity('Deopt000001', 'X-15', [
                        enrollment('Deopt000002', [
                            event('Deopt000003', {
                                dataValues: [
                                    { dataElement: VACCINE_DE, value: 'ROTA' },
                                    { dataElement: DOSE_DE, value: '1' },
                                ],
                            }),
                        ]),
                    ]),
                ],
            },
        ],
        [
            'E1016',
            {
                trackedEntities: [
                    trackedEntity('Twice000001', 'X-16', [
                        enrollment('Twice000002'),
                        enrollment('Twice000003', [], { status: 'COMPLETED' }),
                    ]),
                ],
            },
        ],
    ] as const)('reports %s', async (code, payload) => {
        const { res, report } = await sync(42, payload)
        expect(res.status).toBe(409)
        expect(errorCodes(report)).toContain(code)
    })

    it('reports E1015 for a second active enrollment when the program allows several', async () => {
        const model = bdModel(42, { clock })
        const program = records((bdMetadata() as JsonRecord).programs).find(
            (p) => p.id === TT_PROGRAM
        )
        expect(
            model.importMetadata({ programs: [{ ...program, onlyEnrollOnce: false }] }).status
        ).toBe(200)
        const te = trackedEntity('Activetwo01', 'X-17', [
            enrollment('Activetwo02', [], { program: TT_PROGRAM }),
        ])
        expect((await sync(42, { trackedEntities: [te] }, {}, model)).res.status).toBe(200)
        const second = await sync(
            42,
            {
                enrollments: [
                    {
                        ...enrollment('Activetwo03', [], { program: TT_PROGRAM }),
                        trackedEntity: 'Activetwo01',
                    },
                ],
            },
            {},
            model
        )
        expect(errorCodes(second.report)).toEqual(['E1015'])
    })

    it('checks unique attribute values across tracked entities (E1064), also within one payload', async () => {
        const { report } = await sync(42, {
            trackedEntities: [
                trackedEntity('Uniqueone01', 'SAME'),
                trackedEntity('Uniquetwo01', 'SAME'),
            ],
        })
        expect(errorCodes(report)).toEqual(['E1064'])
    })

    it('accepts the flat payload form', async () => {
        const flat = {
            trackedEntities: [trackedEntity('Flatflat001', 'F-1')],
            enrollments: [
                { ...enrollment('Flatflat002'), trackedEntity: 'Flatflat001', events: undefined },
            ],
            events: [{ ...event('Flatflat003'), enrollment: 'Flatflat002' }],
        }
        const { report } = await sync(42, flat)
        expect(report.stats).toMatchObject({ created: 3, ignored: 0 })
    })
})

describe('POST tracker (async)', () => {
    it.each([
        [40, 'TrackerJob'],
        [41, undefined],
        [42, 'TrackerJobWebMessageResponse'],
    ] as const)(
        '2.%i: job accepted → notifications newest first → report; lost after loseJobState',
        async (minor, responseType) => {
            let now = new Date('2024-06-03T10:21:07Z').getTime()
            const model = bdModel(minor, {
                clock: { now: () => new Date(now) },
                asyncJobDelayMs: 500,
            })
            const res = await call(
                model,
                buildRequest(minor, 'POST', 'tracker', {
                    body: {
                        trackedEntities: [
                            trackedEntity('Asyncte0001', 'AS-1', [enrollment('Asyncen0001')]),
                        ],
                    },
                })
            )
            const accepted = body(res)
            const expected = fixture('tracker-async-accepted.json')
            expect(keysOf(accepted)).toEqual(keysOf(expected))
            expect(accepted).toMatchObject({
                httpStatus: 'OK',
                httpStatusCode: 200,
                status: 'OK',
                message: 'Tracker job added',
            })
            const response = accepted.response as JsonRecord
            expect(response.responseType).toBe(responseType)
            const id = String(response.id)
            expect(response.location).toBe(`https://dhis2.example.org/api/tracker/jobs/${id}`)
            expect(res.headers?.Location).toBe(response.location)
            expect(
                (await call(model, buildRequest(minor, 'GET', `tracker/jobs/${id}/report`))).status
            ).toBe(404)
            now += 500
            const notifications = records(
                (await call(model, buildRequest(minor, 'GET', `tracker/jobs/${id}`))).body
            )
            const fixtureNotes = records(
                readJson(
                    path.join(
                        __dirname,
                        '..',
                        '..',
                        '..',
                        '..',
                        'test',
                        'fixtures',
                        'dhis2',
                        'responses',
                        'tracker-job-notifications.json'
                    )
                )
            )
            expect(notifications).toHaveLength(12)
            expect(keysOf(notifications[0])).toEqual(keysOf(fixtureNotes[0]))
            expect(notifications[0]).toMatchObject({
                uid: id,
                completed: true,
                message:
                    'Import complete with status OK, 2 created, 0 updated, 0 deleted, 0 ignored',
            })
            expect(notifications[11]).toMatchObject({
                message: 'Tracker import started',
                dataType: 'PARAMETERS',
            })
            const report = body(
                await call(model, buildRequest(minor, 'GET', `tracker/jobs/${id}/report`))
            )
            expect(report).toMatchObject({ status: 'OK', stats: { created: 2 } })
            model.loseJobState()
            expect(
                (await call(model, buildRequest(minor, 'GET', `tracker/jobs/${id}/report`))).status
            ).toBe(404)
        }
    )
})

describe('GET tracker exports', () => {
    const seeded = async (minor: Dhis2Minor) => {
        const model = bdModel(minor, { clock })
        await sync(
            minor,
            {
                trackedEntities: [
                    trackedEntity('r8T8cT9Llcp', 'BD-KAL-000123', [
                        enrollment('rP1YcJhxdLR', [event('Tbhut1lcO2m')]),
                    ]),
                    trackedEntity('Othertei001', 'BD-KAL-000124'),
                ],
            },
            {},
            model
        )
        return model
    }
    const fields =
        'trackedEntity,trackedEntityType,orgUnit,attributes[attribute,code,value],enrollments[enrollment,program,status,orgUnit,enrolledAt]'

    it('2.40: orgUnit/ouMode and the `instances` body of the fixture', async () => {
        const model = await seeded(40)
        const res = body(
            await call(
                model,
                buildRequest(40, 'GET', 'tracker/trackedEntities', {
                    query: {
                        program: CHILD_PROGRAM,
                        orgUnit: 'TJVyV3rXr9T',
                        ouMode: 'DESCENDANTS',
                        filter: `${OSRP_ID}:EQ:BD-KAL-000123`,
                        fields,
                    },
                })
            )
        )
        const expected = fixture('trackedEntities-query-2.40.json')
        expect(keysOf(res)).toEqual(keysOf(expected))
        const [item] = records(res.instances)
        const [fixtureItem] = records(expected.instances)
        expect(keysOf(item)).toEqual(keysOf(fixtureItem))
        expect(records(item?.enrollments)[0]).toEqual(records(fixtureItem?.enrollments)[0])
    })

    it('2.41: pager plus flat page/pageSize and `trackedEntities`', async () => {
        const model = await seeded(41)
        const res = body(
            await call(
                model,
                buildRequest(41, 'GET', 'tracker/trackedEntities', {
                    query: {
                        program: CHILD_PROGRAM,
                        orgUnits: CENTRE,
                        orgUnitMode: 'SELECTED',
                        filter: `${OSRP_ID}:eq:BD-KAL-000123`,
                        fields,
                    },
                })
            )
        )
        expect(keysOf(res)).toEqual(keysOf(fixture('trackedEntities-query-2.41.json')))
        expect(res.pager).toEqual({ page: 1, pageSize: 50 })
        expect(records(res.trackedEntities).map((t) => t.trackedEntity)).toEqual(['r8T8cT9Llcp'])
    })

    it('2.42: pager with nextPage, no flat paging; old org unit names ignored', async () => {
        const model = await seeded(42)
        const res = body(
            await call(
                model,
                buildRequest(42, 'GET', 'tracker/trackedEntities', {
                    query: { trackedEntityType: PERSON, pageSize: '1', fields: 'trackedEntity' },
                })
            )
        )
        expect(keysOf(res)).toEqual(['pager', 'trackedEntities'])
        expect(res.pager).toMatchObject({
            page: 1,
            pageSize: 1,
            nextPage: expect.stringContaining('page=2'),
        })
        const like = body(
            await call(
                model,
                buildRequest(42, 'GET', 'tracker/trackedEntities', {
                    query: {
                        program: CHILD_PROGRAM,
                        filter: `${OSRP_ID}:like:KAL-0001`,
                        orgUnit: 'Nope',
                    },
                })
            )
        )
        expect(records(like.trackedEntities)).toHaveLength(1)
        const inOp = body(
            await call(
                model,
                buildRequest(42, 'GET', 'tracker/trackedEntities', {
                    query: {
                        trackedEntityType: PERSON,
                        filter: `${OSRP_ID}:in:BD-KAL-000123;BD-KAL-000124`,
                    },
                })
            )
        )
        expect(records(inOp.trackedEntities)).toHaveLength(2)
    })

    it('requires program or trackedEntityType (400); 2.43 requires program for events/enrollments', async () => {
        const model = await seeded(43)
        expect((await call(model, buildRequest(43, 'GET', 'tracker/trackedEntities'))).status).toBe(
            400
        )
        const events = await call(model, buildRequest(43, 'GET', 'tracker/events'))
        expect(events.status).toBe(400)
        expect(body(events).message).toBe('Program is mandatory')
        const withProgram = body(
            await call(
                model,
                buildRequest(43, 'GET', 'tracker/events', { query: { program: CHILD_PROGRAM } })
            )
        )
        expect(records(withProgram.events)).toHaveLength(1)
        const enrollments = body(
            await call(
                model,
                buildRequest(43, 'GET', 'tracker/enrollments', {
                    query: { program: CHILD_PROGRAM },
                })
            )
        )
        expect(records(enrollments.enrollments)[0]).toMatchObject({
            enrollment: 'rP1YcJhxdLR',
            attributeOptionCombo: 'HllvX50cXC0',
        })
    })

    it('serves single objects with nested fields and limits results to the search scope', async () => {
        const model = await seeded(42)
        const te = body(
            await call(
                model,
                buildRequest(42, 'GET', 'tracker/trackedEntities/r8T8cT9Llcp', {
                    query: {
                        fields: 'trackedEntity,enrollments[enrollment,events[event,dataValues[dataElement,value]]]',
                    },
                })
            )
        )
        expect(te).toEqual({
            trackedEntity: 'r8T8cT9Llcp',
            enrollments: [
                {
                    enrollment: 'rP1YcJhxdLR',
                    events: [
                        {
                            event: 'Tbhut1lcO2m',
                            dataValues: [
                                { dataElement: VACCINE_DE, value: 'BCG' },
                                { dataElement: DOSE_DE, value: '1' },
                            ],
                        },
                    ],
                },
            ],
        })
        const outsider = {
            ...ADMIN,
            authorities: [],
            organisationUnits: ['YA71Hl4qHqf'],
            teiSearchOrganisationUnits: [],
        }
        const none = body(
            await call(
                model,
                buildRequest(42, 'GET', 'tracker/trackedEntities', {
                    query: { trackedEntityType: PERSON },
                    user: outsider,
                })
            )
        )
        expect(records(none.trackedEntities)).toHaveLength(0)
    })
})
