/**
 * @jest-environment node
 */
import { JsonRecord, records } from './json'
import { bdModel, body, buildRequest, call, fixture, keysOf } from './testing/request'
import { CENTRE, CHILD_PROGRAM, childAttributes, OSRP_ID, PERSON } from './tracker/testData'

const tei = (uid: string, osrpId: string, extra: JsonRecord = {}) => ({
    trackedEntityInstance: uid,
    trackedEntityType: PERSON,
    orgUnit: CENTRE,
    attributes: childAttributes(osrpId),
    enrollments: [
        {
            enrollment: 'rP1YcJhxdLR',
            orgUnit: CENTRE,
            program: CHILD_PROGRAM,
            enrollmentDate: '2024-02-12',
            incidentDate: '2024-02-11',
        },
    ],
    ...extra,
})

describe('legacy trackedEntityInstances / enrollments', () => {
    it('2.40 answers ImportSummaries with references shaped like the fixture', async () => {
        const model = bdModel(40)
        const res = await call(
            model,
            buildRequest(40, 'POST', 'trackedEntityInstances', { body: tei('r8T8cT9Llcp', 'BD-1') })
        )
        const expected = fixture('legacy-tei-import-summaries.json')
        expect(res.status).toBe(200)
        expect(keysOf(res.body)).toEqual(keysOf(expected))
        const response = body(res).response as JsonRecord
        const expectedResponse = expected.response as JsonRecord
        expect(keysOf(response)).toEqual(keysOf(expectedResponse))
        const [summary] = records(response.importSummaries)
        const [expectedSummary] = records(expectedResponse.importSummaries)
        expect(keysOf(summary)).toEqual(keysOf(expectedSummary))
        expect(summary).toMatchObject({
            reference: 'r8T8cT9Llcp',
            href: 'https://dhis2.example.org/api/trackedEntityInstances/r8T8cT9Llcp',
            importCount: { imported: 1 },
        })
        expect(summary?.enrollments).toEqual(expectedSummary?.enrollments)
        const found = body(
            await call(
                model,
                buildRequest(40, 'GET', 'trackedEntityInstances', {
                    query: { ou: CENTRE, program: CHILD_PROGRAM, filter: `${OSRP_ID}:EQ:BD-1` },
                })
            )
        )
        expect(records(found.trackedEntityInstances).map((t) => t.trackedEntityInstance)).toEqual([
            'r8T8cT9Llcp',
        ])
        expect(
            (
                await call(
                    model,
                    buildRequest(40, 'GET', 'trackedEntityInstances', {
                        query: { program: CHILD_PROGRAM },
                    })
                )
            ).status
        ).toBe(409)
    })

    it('reports conflicts with 409 and enrolls through POST enrollments', async () => {
        const model = bdModel(41)
        await call(
            model,
            buildRequest(41, 'POST', 'trackedEntityInstances', {
                body: { trackedEntityInstances: [tei('Legacy00001', 'L-1', { enrollments: [] })] },
            })
        )
        const dup = await call(
            model,
            buildRequest(41, 'POST', 'trackedEntityInstances', { body: tei('Legacy00002', 'L-1') })
        )
        expect(dup.status).toBe(409)
        expect(body(dup)).toMatchObject({
            status: 'ERROR',
            response: { responseType: 'ImportSummaries', status: 'ERROR', ignored: 1 },
        })
        const en = await call(
            model,
            buildRequest(41, 'POST', 'enrollments', {
                body: {
                    trackedEntityInstance: 'Legacy00001',
                    program: CHILD_PROGRAM,
                    orgUnit: CENTRE,
                    enrollmentDate: '2024-02-12',
                    incidentDate: '2024-02-11',
                },
            })
        )
        expect(en.status).toBe(200)
        expect(records((body(en).response as JsonRecord).importSummaries)[0]).toMatchObject({
            status: 'SUCCESS',
            reference: expect.any(String),
        })
    })

    it('is not served from 2.42 (the shell answers 404)', async () => {
        const model = bdModel(42)
        expect(
            await model.handle(
                buildRequest(42, 'POST', 'trackedEntityInstances', {
                    body: tei('Legacy00003', 'L-3'),
                })
            )
        ).toBeUndefined()
        expect(
            await model.handle(buildRequest(42, 'POST', 'enrollments', { body: {} }))
        ).toBeUndefined()
    })
})
