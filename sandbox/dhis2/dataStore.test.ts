/**
 * @jest-environment node
 */
import createdFixture from '../../test/fixtures/dhis2/responses/dataStore-key-created.json'
import type { Dhis2Minor } from './contract'
import { ADMIN, appZip, basic, fetch, NURSE, OPERATOR, readJson, uploadApp } from './testUtils'
import { start, stopAll } from './server.support'

afterEach(stopAll)

const call = (url: string, method: string, authorization: string, body?: unknown) =>
    fetch(url, {
        method,
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

describe.each([40, 41] as Dhis2Minor[])('dataStore on 2.%i', (minor) => {
    it('creates (201, fixture body), refuses duplicates (409), reads, updates and deletes', async () => {
        const { url } = await start(minor)
        const ns = `${url}/api/dataStore/test-ns`
        expect((await call(ns, 'GET', OPERATOR)).status).toBe(404)
        expect(await readJson(await call(ns, 'GET', OPERATOR))).toMatchObject({
            httpStatusCode: 404,
            message: "Namespace not found: 'test-ns'",
        })
        const created = await call(`${ns}/settings`, 'POST', OPERATOR, { url: 'x' })
        expect(created.status).toBe(201)
        expect(await readJson(created)).toEqual(createdFixture)
        const again = await call(`${ns}/settings`, 'POST', OPERATOR, { url: 'y' })
        expect(again.status).toBe(409)
        expect(await readJson(again)).toMatchObject({
            httpStatus: 'Conflict',
            status: 'ERROR',
            message: "Key 'settings' already exists in namespace 'test-ns'",
            ...(minor >= 41 ? { errorCode: 'E1004' } : {}),
        })
        expect(await readJson(await call(`${ns}/settings`, 'GET', NURSE))).toEqual({ url: 'x' })
        expect(await readJson(await call(ns, 'GET', NURSE))).toEqual(['settings'])
        expect(await readJson(await call(`${ns}/keys`, 'GET', NURSE))).toEqual(['settings'])
        const updated = await call(`${ns}/settings`, 'PUT', OPERATOR, { url: 'z' })
        expect(updated.status).toBe(200)
        expect(await readJson(updated)).toMatchObject({ message: "Key updated: 'settings'" })
        const missing = await call(`${ns}/nothing`, 'GET', OPERATOR)
        expect(missing.status).toBe(404)
        expect(await readJson(missing)).toMatchObject({
            message: "Key 'nothing' not found in namespace 'test-ns'",
        })
        const meta = await readJson(await call(`${ns}/settings/metaData`, 'GET', OPERATOR))
        expect(meta).toMatchObject({
            key: 'settings',
            namespace: 'test-ns',
            created: expect.any(String),
        })
        expect(meta).not.toHaveProperty('value')
        const deleted = await call(`${ns}/settings`, 'DELETE', OPERATOR)
        expect(deleted.status).toBe(200)
        expect(await readJson(deleted)).toMatchObject({
            message: "Key 'settings' deleted from namespace 'test-ns'",
        })
        expect((await call(`${ns}/settings`, 'GET', OPERATOR)).status).toBe(404)
    })

    it(`PUT on a missing key: ${minor >= 41 ? '201 created' : '404'}`, async () => {
        const { url } = await start(minor)
        const response = await call(`${url}/api/${minor}/dataStore/ns2/newKey`, 'PUT', OPERATOR, {
            a: 1,
        })
        if (minor >= 41) {
            expect(response.status).toBe(201)
            expect(await readJson(response)).toMatchObject({ message: "Key created: 'newKey'" })
            expect(
                await readJson(await call(`${url}/api/dataStore/ns2/newKey`, 'GET', OPERATOR))
            ).toEqual({ a: 1 })
        } else {
            expect(response.status).toBe(404)
            expect(await readJson(response)).toMatchObject({
                message: "Key 'newKey' not found in namespace 'ns2'",
            })
        }
    })
})

it('rejects a body that is not JSON with 400', async () => {
    const { url } = await start(42)
    const response = await fetch(`${url}/api/dataStore/ns/k`, {
        method: 'POST',
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: '{nope',
    })
    expect(response.status).toBe(400)
})

it("an installed app's namespace is for its users and superusers only", async () => {
    const server = await start(42)
    const { url } = server
    expect((await uploadApp(url, appZip())).status).toBe(201)
    const ns = `${url}/api/dataStore/opensrp-connector`
    expect((await call(`${ns}/settings`, 'POST', OPERATOR, { on: true })).status).toBe(201)
    expect(await readJson(await call(`${ns}/settings`, 'GET', NURSE))).toEqual({ on: true })
    expect(await readJson(await call(`${ns}/settings`, 'GET', ADMIN))).toEqual({ on: true })
    // A user without M_opensrpconnector: make one by stripping the nurse's authority.
    const nurse = server.users.find((u) => u.username === 'nurse')
    if (!nurse) throw new Error('no nurse')
    nurse.authorities = []
    const denied = await call(`${ns}/settings`, 'GET', basic('nurse', 'Nurse123'))
    expect(denied.status).toBe(403)
    expect(await readJson(denied)).toMatchObject({
        message: "Namespace 'opensrp-connector' is protected, access denied",
    })
    expect(await readJson(await call(`${url}/api/dataStore`, 'GET', NURSE))).toEqual([])
})

it('encrypt=true stores the value and returns it to readers', async () => {
    const { url } = await start(42)
    const ns = `${url}/api/dataStore/secrets`
    expect((await call(`${ns}/pw?encrypt=true`, 'POST', ADMIN, 'hunter2')).status).toBe(201)
    expect(await readJson(await call(`${ns}/pw`, 'GET', ADMIN))).toBe('hunter2')
    expect(await readJson(await call(`${ns}/pw/metaData`, 'GET', ADMIN))).toMatchObject({
        encrypted: true,
    })
})

it('userDataStore is per user', async () => {
    const { url } = await start(42)
    const path = `${url}/api/userDataStore/prefs/theme`
    expect((await call(path, 'POST', OPERATOR, 'dark')).status).toBe(201)
    expect(await readJson(await call(path, 'GET', OPERATOR))).toBe('dark')
    expect((await call(path, 'GET', NURSE)).status).toBe(404)
})
