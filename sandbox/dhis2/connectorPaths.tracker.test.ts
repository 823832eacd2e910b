/**
 * @jest-environment node
 */
import type { Dhis2Minor } from './contract'
import { BD, NURSE_ID, api, asJson, asList, start, stopAll } from './connectorPaths.support'
import { ADMIN, NURSE, OPERATOR } from './testUtils'

/**
 * POST /api/tracker as the OpenSRP connector sends it (reference §3.2): nested payloads with
 * client-made deterministic UIDs, on 2.40–2.43.
 */

afterEach(stopAll)

const MINORS: Dhis2Minor[] = [40, 41, 42, 43]

interface ChildOptions {
    te?: string
    enrollment?: string
    events?: string[]
    opensrpId?: string
    orgUnit?: string
    enrollmentOrgUnit?: string
    eventOrgUnit?: string
    occurredAt?: string | null
    badVaccineOn?: string
}

/** One child from OpenSRP: TE + enrollment in Child Immunisation + Immunisation events. */
function child(o: ChildOptions = {}) {
    const orgUnit = o.orgUnit ?? BD.ward1
    const enrollment = o.enrollment ?? 'EnOsrp00001'
    return {
        trackedEntities: [
            {
                trackedEntity: o.te ?? 'TeOsrp00001',
                trackedEntityType: BD.person,
                orgUnit,
                attributes: [
                    { attribute: BD.opensrpId, value: o.opensrpId ?? 'BD-KAL-000123' },
                    { attribute: BD.firstName, value: 'Ayesha' },
                    { attribute: 'jWSuNC2sfcj', value: 'FEMALE' },
                    { attribute: 'hgj3t9ZO6ls', value: '2024-02-11' },
                ],
                enrollments: [
                    {
                        enrollment,
                        program: BD.childProgram,
                        orgUnit: o.enrollmentOrgUnit ?? orgUnit,
                        status: 'ACTIVE',
                        enrolledAt: '2024-02-12',
                        ...(o.occurredAt === null
                            ? {}
                            : { occurredAt: o.occurredAt ?? '2024-02-11' }),
                        events: (o.events ?? ['EvOsrp00001', 'EvOsrp00002']).map((event, i) => ({
                            event,
                            programStage: BD.immunisationStage,
                            orgUnit: o.eventOrgUnit ?? orgUnit,
                            status: 'COMPLETED',
                            occurredAt: `2024-02-1${2 + i}`,
                            dataValues: [
                                {
                                    dataElement: BD.vaccine,
                                    value: event === o.badVaccineOn ? 'NOT_A_VACCINE' : 'BCG',
                                },
                                { dataElement: BD.dose, value: String(i) },
                            ],
                        })),
                    },
                ],
            },
        ],
    }
}

const postTracker = (url: string, body: unknown, params: string, auth = OPERATOR) =>
    api(`${url}/api/tracker?${params}`, 'POST', auth, body)

const errorsOf = (body: unknown) =>
    asList(asJson(asJson(body).validationReport).errorReports).map((e) => ({
        code: e.errorCode,
        type: e.trackerType,
        uid: e.uid,
        message: e.message,
    }))

async function eventsOf(url: string, enrollment = 'EnOsrp00001') {
    const reply = await api(
        `${url}/api/tracker/events?program=${BD.childProgram}&enrollments=${enrollment}&enrollment=${enrollment}&fields=event`,
        'GET',
        ADMIN
    )
    const body = asJson(reply.body)
    return asList(body.events ?? body.instances).map((e) => e.event)
}

describe.each(MINORS)('tracker import on 2.%i', (minor) => {
    it('async=false: 200 OK report, 4 created; the same payload again is 4 updated, no duplicates', async () => {
        const { url } = await start(minor)
        const first = await postTracker(url, child(), 'async=false&atomicMode=OBJECT')
        expect(first.status).toBe(200)
        expect(first.body).toMatchObject({
            status: 'OK',
            validationReport: { errorReports: [], warningReports: [] },
            stats: { created: 4, updated: 0, deleted: 0, ignored: 0, total: 4 },
        })
        const again = await postTracker(
            url,
            child(),
            'async=false&atomicMode=OBJECT&importStrategy=CREATE_AND_UPDATE'
        )
        expect(again.status).toBe(200)
        expect(asJson(again.body).stats).toEqual({
            created: 0,
            updated: 4,
            deleted: 0,
            ignored: 0,
            total: 4,
        })
        expect((await eventsOf(url)).sort()).toEqual(['EvOsrp00001', 'EvOsrp00002'])
    })

    // DefaultTrackerImportService.importTracker: only atomicMode ALL stops on errors (409 ERROR).
    it('atomicMode=OBJECT with one bad event: 200 OK, only that event rejected, the rest saved', async () => {
        const { url } = await start(minor)
        const reply = await postTracker(
            url,
            child({ badVaccineOn: 'EvOsrp00002' }),
            'async=false&atomicMode=OBJECT'
        )
        expect(reply.status).toBe(200)
        expect(asJson(reply.body).status).toBe('OK')
        expect(errorsOf(reply.body).map((e) => [e.code, e.type, e.uid])).toEqual([
            ['E1125', 'EVENT', 'EvOsrp00002'],
        ])
        expect(asJson(reply.body).stats).toEqual({
            created: 3,
            updated: 0,
            deleted: 0,
            ignored: 1,
            total: 4,
        })
        expect(await eventsOf(url)).toEqual(['EvOsrp00001'])
    })

    it('atomicMode=ALL (the default) with one bad event saves nothing and has no bundleReport', async () => {
        const { url } = await start(minor)
        const reply = await postTracker(url, child({ badVaccineOn: 'EvOsrp00002' }), 'async=false')
        expect(reply.status).toBe(409)
        expect('bundleReport' in asJson(reply.body)).toBe(false)
        expect(asJson(reply.body).stats).toMatchObject({ created: 0, ignored: 4, total: 4 })
        expect(await eventsOf(url)).toEqual([])
    })

    it('importMode=VALIDATE: OK report, nothing stored', async () => {
        const { url } = await start(minor)
        const reply = await postTracker(url, child(), 'async=false&importMode=VALIDATE')
        expect(reply.status).toBe(200)
        expect(reply.body).toMatchObject({ status: 'OK', stats: { created: 0, updated: 0 } })
        const te = await api(`${url}/api/tracker/trackedEntities/TeOsrp00001`, 'GET', ADMIN)
        expect(te.status).toBe(404)
    })

    it('async=true: "Tracker job added" + Location → notifications → report (404 until ready)', async () => {
        const { url, clock } = await start(minor)
        const reply = await postTracker(url, child(), 'async=true')
        expect(reply.status).toBe(200)
        expect(reply.body).toMatchObject({
            httpStatus: 'OK',
            httpStatusCode: 200,
            status: 'OK',
            message: 'Tracker job added',
        })
        const response = asJson(asJson(reply.body).response)
        const id = String(response.id)
        expect(response.location).toBe(`${url}/api/tracker/jobs/${id}`)
        expect(reply.headers.get('location')).toBe(`${url}/api/tracker/jobs/${id}`)
        // Defaults 2.40.12 / 2.41.9 / 2.42.4 / 2.43.0 (§3.2, §7).
        expect(response.responseType).toBe(
            minor === 40 ? 'TrackerJob' : minor === 41 ? undefined : 'TrackerJobWebMessageResponse'
        )
        const report = () => api(`${url}/api/tracker/jobs/${id}/report`, 'GET', OPERATOR)
        expect((await report()).status).toBe(404)
        clock.advance(1000)
        const notes = asList((await api(`${url}/api/tracker/jobs/${id}`, 'GET', OPERATOR)).body)
        expect(notes[0]).toMatchObject({ completed: true, category: 'TRACKER_IMPORT_JOB' })
        expect(notes[notes.length - 1]).toMatchObject({ dataType: 'PARAMETERS' })
        const done = await report()
        expect(done.status).toBe(200)
        expect(done.body).toMatchObject({ status: 'OK', stats: { created: 4, total: 4 } })
    })

    it('the same OpenSRP ID on another tracked entity UID: E1064, the first keeps it', async () => {
        const { url } = await start(minor)
        await postTracker(url, child(), 'async=false')
        const reply = await postTracker(
            url,
            child({ te: 'TeOsrp00002', enrollment: 'EnOsrp00002', events: [] }),
            'async=false&atomicMode=OBJECT'
        )
        expect(reply.status).toBe(200)
        const errors = errorsOf(reply.body)
        expect(errors).toContainEqual({
            code: 'E1064',
            type: 'TRACKED_ENTITY',
            uid: 'TeOsrp00002',
            // 2.43 ends the E1064 template with a period (ValidationCode.java).
            message: `Non-unique attribute value \`BD-KAL-000123\` for attribute \`caS6LyxoM41\`${minor >= 43 ? '.' : ''}`,
        })
        // Its enrollment cannot be saved without it (E5000).
        expect(errors.map((e) => [e.code, e.uid])).toContainEqual(['E5000', 'EnOsrp00002'])
    })

    it('enrollment without occurredAt in a program that displays the incident date: E1023', async () => {
        const { url } = await start(minor)
        const reply = await postTracker(url, child({ occurredAt: null }), 'async=false')
        expect(reply.status).toBe(409)
        expect(errorsOf(reply.body)).toContainEqual({
            code: 'E1023',
            type: 'ENROLLMENT',
            uid: 'EnOsrp00001',
            // ValidationCode.java per version; MessageFormatter prints the null argument as NULL.
            message:
                minor >= 43
                    ? 'DisplayIncidentDate is true but occurredAt is null.'
                    : 'DisplayIncidentDate is true but property occurredAt is null or has an invalid format: `NULL`.',
        })
    })

    it('a second enrollment in the onlyEnrollOnce program: E1016', async () => {
        const { url } = await start(minor)
        await postTracker(url, child(), 'async=false')
        const reply = await postTracker(
            url,
            child({ enrollment: 'EnOsrp00009', events: [] }),
            'async=false&atomicMode=OBJECT'
        )
        expect(reply.status).toBe(200)
        expect(errorsOf(reply.body).map((e) => [e.code, e.type, e.uid])).toEqual([
            ['E1016', 'ENROLLMENT', 'EnOsrp00009'],
        ])
    })

    it('org unit not assigned to the program: enrollment E1041, event E1029', async () => {
        const { url } = await start(minor)
        const enrollment = await postTracker(
            url,
            child({ enrollmentOrgUnit: BD.union, events: [] }),
            'async=false&atomicMode=OBJECT'
        )
        expect(errorsOf(enrollment.body).map((e) => [e.code, e.uid])).toEqual([
            ['E1041', 'EnOsrp00001'],
        ])
        const event = await postTracker(
            url,
            child({ eventOrgUnit: BD.union, events: ['EvOsrp00003'] }),
            'async=false&atomicMode=OBJECT'
        )
        expect(errorsOf(event.body).map((e) => [e.code, e.uid])).toEqual([['E1029', 'EvOsrp00003']])
    })

    it('capture scope: the operator may write Ward 2, the nurse gets E1000 worded per version', async () => {
        const { url } = await start(minor)
        const nurse = await postTracker(url, child({ orgUnit: BD.ward2 }), 'async=false', NURSE)
        expect(nurse.status).toBe(409)
        const e1000 = errorsOf(nurse.body).filter((e) => e.code === 'E1000')
        expect(e1000.map((e) => e.type)).toEqual(['TRACKED_ENTITY', 'ENROLLMENT', 'EVENT', 'EVENT'])
        expect(e1000[0]?.message).toBe(
            minor >= 43
                ? `User: \`${NURSE_ID}\` has no capture scope access to OrganisationUnit: \`${BD.ward2}\`.`
                : `User: \`${NURSE_ID}\`, has no write access to OrganisationUnit: \`${BD.ward2}\`.`
        )
        const operator = await postTracker(url, child({ orgUnit: BD.ward2 }), 'async=false')
        expect(operator.status).toBe(200)
    })
})

it.each([
    [42, 5],
    [43, 1],
] as Array<[Dhis2Minor, number]>)(
    'async responseType on 2.%i.%i is TrackerJob again (DHIS2-21364, §7)',
    async (minor, patch) => {
        const { url } = await start(minor, { patch })
        const reply = await postTracker(url, child(), 'async=true')
        expect(asJson(asJson(reply.body).response).responseType).toBe('TrackerJob')
    }
)
