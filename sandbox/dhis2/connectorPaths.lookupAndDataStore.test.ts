/**
 * @jest-environment node
 */
import query240 from '../../test/fixtures/dhis2/responses/trackedEntities-query-2.40.json'
import query241 from '../../test/fixtures/dhis2/responses/trackedEntities-query-2.41.json'
import type { Dhis2Minor } from './contract'
import { BD, api, asJson, start, stopAll, user } from './connectorPaths.support'
import { ADMIN, appZip, NURSE, OPERATOR, uploadApp } from './testUtils'

/**
 * Finding a tracked entity by OpenSRP ID (reference §3.3) and the connector's dataStore namespace
 * with its run lock (§3.5), through HTTP on 2.40–2.43.
 */

afterEach(stopAll)

const MINORS: Dhis2Minor[] = [40, 41, 42, 43]

/** The child of the fixtures (r8T8cT9Llcp, BD-KAL-000123), as the connector imports it. */
const fixtureChild = {
    trackedEntities: [
        {
            trackedEntity: 'r8T8cT9Llcp',
            trackedEntityType: BD.person,
            orgUnit: BD.ward1,
            attributes: [
                { attribute: BD.opensrpId, value: 'BD-KAL-000123' },
                { attribute: BD.firstName, value: 'Ayesha' },
                { attribute: 'RWxfLv4xPgy', value: 'Begum' },
                { attribute: 'jWSuNC2sfcj', value: 'FEMALE' },
                { attribute: 'hgj3t9ZO6ls', value: '2024-02-11' },
            ],
            enrollments: [
                {
                    enrollment: 'rP1YcJhxdLR',
                    program: BD.childProgram,
                    orgUnit: BD.ward1,
                    status: 'ACTIVE',
                    enrolledAt: '2024-02-12',
                    occurredAt: '2024-02-11',
                },
            ],
        },
    ],
}

const FIELDS =
    'trackedEntity,trackedEntityType,orgUnit,attributes[attribute,code,value],enrollments[enrollment,program,status,orgUnit,enrolledAt]'

/** The lookup as the connector builds it per version: org unit parameter names changed in 2.41. */
function lookupUrl(url: string, minor: Dhis2Minor, opensrpId: string): string {
    const params = new URLSearchParams({
        program: BD.childProgram,
        filter: `${BD.opensrpId}:EQ:${opensrpId}`,
        fields: FIELDS,
        ...(minor <= 40 ? { ouMode: 'ACCESSIBLE' } : { orgUnitMode: 'ACCESSIBLE' }),
    })
    return `${url}/api/tracker/trackedEntities?${params.toString()}`
}

describe.each(MINORS)('finding a tracked entity by OpenSRP ID on 2.%i', (minor) => {
    it('answers the list body of the version (fixtures for 2.40 and 2.41)', async () => {
        const { url } = await start(minor)
        const imported = await api(`${url}/api/tracker?async=false`, 'POST', OPERATOR, fixtureChild)
        expect(imported.status).toBe(200)
        const found = await api(lookupUrl(url, minor, 'BD-KAL-000123'), 'GET', OPERATOR)
        expect(found.status).toBe(200)
        if (minor <= 40) expect(found.body).toEqual(query240)
        else if (minor === 41) expect(found.body).toEqual(query241)
        else {
            // 2.42+: pager only (no flat page/pageSize), no nextPage on a single page.
            const { page, pageSize, ...rest } = query241
            expect({ page, pageSize }).toEqual({ page: 1, pageSize: 50 })
            expect(found.body).toEqual(rest)
        }
    })

    it('finds nothing for an unknown ID, and needs program or trackedEntityType', async () => {
        const { url } = await start(minor)
        await api(`${url}/api/tracker?async=false`, 'POST', OPERATOR, fixtureChild)
        const none = asJson(
            (await api(lookupUrl(url, minor, 'BD-KAL-999999'), 'GET', OPERATOR)).body
        )
        expect(none[minor <= 40 ? 'instances' : 'trackedEntities']).toEqual([])
        const bare = await api(
            `${url}/api/tracker/trackedEntities?filter=${BD.opensrpId}:EQ:BD-KAL-000123`,
            'GET',
            OPERATOR
        )
        expect(bare.status).toBe(400)
    })

    it('takes the org unit under its version name: orgUnit (≤ 2.40), orgUnits (2.41+)', async () => {
        const { url } = await start(minor)
        await api(`${url}/api/tracker?async=false`, 'POST', OPERATOR, fixtureChild)
        const params = new URLSearchParams({
            program: BD.childProgram,
            filter: `${BD.opensrpId}:EQ:BD-KAL-000123`,
            fields: 'trackedEntity',
            [minor <= 40 ? 'orgUnit' : 'orgUnits']: BD.ward2,
        })
        const elsewhere = asJson(
            (await api(`${url}/api/tracker/trackedEntities?${params.toString()}`, 'GET', OPERATOR))
                .body
        )
        expect(elsewhere[minor <= 40 ? 'instances' : 'trackedEntities']).toEqual([])
        params.set(minor <= 40 ? 'orgUnit' : 'orgUnits', BD.ward1)
        const here = asJson(
            (await api(`${url}/api/tracker/trackedEntities?${params.toString()}`, 'GET', OPERATOR))
                .body
        )
        expect(here[minor <= 40 ? 'instances' : 'trackedEntities']).toEqual([
            { trackedEntity: 'r8T8cT9Llcp' },
        ])
    })
})

describe.each(MINORS)('the connector dataStore namespace on 2.%i', (minor) => {
    it('is reserved by the installed app: its users read and write, others get 403', async () => {
        const { url, server } = await start(minor)
        expect([201, 204]).toContain((await uploadApp(url, appZip())).status)
        const ns = `${url}/api/dataStore/opensrp-connector`
        const config = { opensrpUrl: 'https://opensrp.example.org', dataSet: BD.monthly }
        expect((await api(`${ns}/config`, 'POST', OPERATOR, config)).status).toBe(201)
        const read = await api(`${ns}/config`, 'GET', NURSE)
        expect(read.status).toBe(200)
        expect(read.body).toEqual(config)
        user(server, 'nurse').authorities = []
        for (const method of ['GET', 'PUT', 'DELETE']) {
            const denied = await api(
                `${ns}/config`,
                method,
                NURSE,
                method === 'PUT' ? {} : undefined
            )
            expect(denied.status).toBe(403)
            expect(denied.body).toMatchObject({
                httpStatusCode: 403,
                status: 'ERROR',
                message: "Namespace 'opensrp-connector' is protected, access denied",
            })
        }
        expect((await api(`${ns}/config`, 'GET', ADMIN)).body).toEqual(config)
    })

    it('run lock: POST 201, second POST 409, PUT ?path= updates part (2.41+), DELETE 200', async () => {
        const { url } = await start(minor)
        await uploadApp(url, appZip())
        const lock = `${url}/api/dataStore/opensrp-connector/run-lock`
        const held = { owner: 'operator', startedAt: '2024-06-03T10:20:41', heartbeat: 'a' }
        const created = await api(lock, 'POST', OPERATOR, held)
        expect(created.status).toBe(201)
        expect(created.body).toEqual({
            httpStatus: 'Created',
            httpStatusCode: 201,
            status: 'OK',
            message: "Key created: 'run-lock'",
        })
        const taken = await api(lock, 'POST', NURSE, { owner: 'nurse' })
        expect(taken.status).toBe(409)
        expect(taken.body).toMatchObject({
            httpStatus: 'Conflict',
            status: 'ERROR',
            message: "Key 'run-lock' already exists in namespace 'opensrp-connector'",
            ...(minor >= 41 ? { errorCode: 'E1004' } : {}),
        })
        const beat = await api(`${lock}?path=heartbeat`, 'PUT', OPERATOR, 'b')
        expect(beat.status).toBe(200)
        expect(beat.body).toMatchObject({ message: "Key updated: 'run-lock'" })
        // 2.41 added `path`; 2.40 knows no such parameter and replaces the whole value.
        expect((await api(lock, 'GET', OPERATOR)).body).toEqual(
            minor >= 41 ? { ...held, heartbeat: 'b' } : 'b'
        )
        const released = await api(lock, 'DELETE', OPERATOR)
        expect(released.status).toBe(200)
        expect(released.body).toMatchObject({
            message: "Key 'run-lock' deleted from namespace 'opensrp-connector'",
        })
        expect((await api(lock, 'GET', OPERATOR)).status).toBe(404)
        expect((await api(lock, 'POST', NURSE, { owner: 'nurse' })).status).toBe(201)
    })
})
