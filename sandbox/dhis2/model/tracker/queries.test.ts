/**
 * @jest-environment node
 */
import { Dhis2Minor } from '../../contract'
import { fixedClock } from '../testing/clock'
import { records } from '../json'
import { ADMIN, bdModel, body, buildRequest, call, fixture, keysOf } from '../testing/request'
import {
    CENTRE,
    CHILD_PROGRAM,
    DOSE_DE,
    OSRP_ID,
    PERSON,
    VACCINE_DE,
    enrollment,
    event,
    trackedEntity,
} from './testData'
import { statusOf, syncImport } from './testImport'

/** GET /api/tracker exports: query parameters, paging and body shapes per version, scopes. */

describe('GET tracker exports', () => {
    const seeded = async (minor: Dhis2Minor) => {
        const model = bdModel(minor, { clock: fixedClock })
        await syncImport(
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
        expect(await statusOf(model, 43, 'tracker/trackedEntities')).toBe(400)
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
