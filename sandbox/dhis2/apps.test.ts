/**
 * @jest-environment node
 */
import type { Dhis2Minor } from './contract'
import { appAuthority, appKey } from './apps/registry'
import { ADMIN, appZip, fetch, NURSE, OPERATOR, readJson, uploadApp } from './testUtils'
import { start, stopAll } from './server.support'

afterEach(stopAll)

const xhr = { 'X-Requested-With': 'XMLHttpRequest' }

it('derives keys and M_ authorities like AppController', () => {
    expect(appKey('opensrp-connector')).toBe('opensrp-connector')
    expect(appKey('My App (beta)!')).toBe('My-App-beta')
    expect(appAuthority('opensrp-connector')).toBe('M_opensrpconnector')
    expect(appAuthority('My App')).toBe('M_My_App')
})

describe.each([40, 41] as Dhis2Minor[])('2.%i uploads', (minor) => {
    it('answers 204 empty, lists, serves without / with base URL injection', async () => {
        const { url } = await start(minor)
        const upload = await uploadApp(url, appZip())
        expect(upload.status).toBe(204)
        expect(await upload.text()).toBe('')
        const apps = (await readJson(
            await fetch(`${url}/api/apps`, { headers: { Authorization: ADMIN } })
        )) as Array<Record<string, unknown>>
        expect(apps).toEqual([
            expect.objectContaining({
                key: 'opensrp-connector',
                name: 'OpenSRP Connector',
                version: '0.1.0',
            }),
        ])
        const index = await fetch(`${url}/api/apps/opensrp-connector/`, {
            headers: { Authorization: NURSE },
        })
        expect(index.status).toBe(200)
        expect(index.headers.get('content-type')).toContain('text/html')
        const html = await index.text()
        if (minor >= 41) expect(html).toContain(`content="${url}"`)
        else expect(html).toContain('content="__DHIS2_BASE_URL__"')
        const js = await fetch(`${url}/api/apps/opensrp-connector/assets/app.js`, {
            headers: { Authorization: NURSE },
        })
        expect(js.headers.get('content-type')).toContain('javascript')
        // `.json` files are files, not a format suffix.
        const manifest = await fetch(`${url}/api/apps/opensrp-connector/manifest.json`, {
            headers: { Authorization: NURSE },
        })
        expect(await readJson(manifest)).toEqual({ name: 'x' })
    })
})

describe.each([42, 43] as Dhis2Minor[])('2.%i uploads', (minor) => {
    it('answers 201 with the app JSON and redirects index navigations to the global shell', async () => {
        const { url } = await start(minor)
        const upload = await uploadApp(url, appZip())
        expect(upload.status).toBe(201)
        expect(await readJson(upload)).toMatchObject({
            key: 'opensrp-connector',
            name: 'OpenSRP Connector',
            short_name: 'opensrp-connector',
            version: '0.1.0',
            baseUrl: `${url}/api/apps/opensrp-connector`,
            launchUrl: `${url}/api/apps/opensrp-connector/index.html`,
        })
        const navigation = await fetch(`${url}/api/apps/opensrp-connector/`, {
            headers: { Authorization: NURSE },
            redirect: 'manual',
        })
        expect(navigation.status).toBe(302)
        expect(navigation.headers.get('location')).toBe(`${url}/apps/opensrp-connector`)
        const shell = await fetch(`${url}/apps/opensrp-connector`, {
            headers: { Authorization: NURSE },
        })
        expect(await shell.text()).toContain(
            `src="${url}/api/apps/opensrp-connector/index.html?redirect=false"`
        )
        const framed = await fetch(`${url}/api/apps/opensrp-connector/index.html?redirect=false`, {
            headers: { Authorization: NURSE },
        })
        expect(framed.status).toBe(200)
        expect(await framed.text()).toContain(`content="${url}"`)
        const noSlash = await fetch(`${url}/api/apps/opensrp-connector`, {
            headers: { Authorization: NURSE },
            redirect: 'manual',
        })
        expect(noSlash.headers.get('location')).toBe(`${url}/api/apps/opensrp-connector/`)
    })
})

it('rejects a bad zip with 409 and a zip without manifest with 409', async () => {
    const { url } = await start(42)
    const bad = await uploadApp(url, Buffer.from('not a zip'))
    expect(bad.status).toBe(409)
    expect(await readJson(bad)).toMatchObject({ httpStatusCode: 409, status: 'ERROR' })
    expect(
        await fetch(`${url}/api/apps`, { headers: { Authorization: ADMIN } }).then(readJson)
    ).toEqual([])
})

it('needs app management rights to upload and delete', async () => {
    const { url } = await start(42)
    expect((await uploadApp(url, appZip(), OPERATOR)).status).toBe(403)
    await uploadApp(url, appZip())
    const del = (auth: string) =>
        fetch(`${url}/api/apps/opensrp-connector`, {
            method: 'DELETE',
            headers: { Authorization: auth },
        })
    expect((await del(OPERATOR)).status).toBe(403)
    expect((await del(ADMIN)).status).toBe(204)
    expect((await del(ADMIN)).status).toBe(404)
})

it('404s unknown apps and 403s users without M_<app>', async () => {
    const server = await start(41)
    const { url } = server
    await uploadApp(url, appZip())
    const unknown = await fetch(`${url}/api/apps/nope/`, {
        headers: { Authorization: ADMIN, ...xhr },
    })
    expect(unknown.status).toBe(404)
    expect(await readJson(unknown)).toMatchObject({ message: "App 'nope' not found." })
    const nurse = server.users.find((u) => u.username === 'nurse')
    if (!nurse) throw new Error('no nurse')
    nurse.authorities = ['F_DATAVALUE_ADD']
    const denied = await fetch(`${url}/api/apps/opensrp-connector/index.html`, {
        headers: { Authorization: NURSE },
    })
    expect(denied.status).toBe(403)
    expect(
        await readJson(await fetch(`${url}/api/apps/menu`, { headers: { Authorization: NURSE } }))
    ).toEqual({
        modules: [],
    })
})

it('lists accessible apps in the menu with absolute icon and action', async () => {
    const { url } = await start(40)
    await uploadApp(url, appZip())
    const menu = await readJson(
        await fetch(`${url}/dhis-web-commons/menu/getModules.action`, {
            headers: { Authorization: OPERATOR },
        })
    )
    expect(menu).toEqual({
        modules: [
            {
                name: 'opensrp-connector',
                namespace: 'opensrp-connector',
                defaultAction: `${url}/api/apps/opensrp-connector/index.html`,
                displayName: 'OpenSRP Connector',
                icon: `${url}/api/apps/opensrp-connector/dhis2-app-icon.png`,
                description: '',
            },
        ],
    })
})

it('an app may not take a namespace another app reserved', async () => {
    const { url } = await start(42)
    await uploadApp(url, appZip())
    const other = await uploadApp(url, appZip({ short_name: 'other-app', name: 'Other' }))
    expect(other.status).toBe(409)
    expect(await readJson(other)).toMatchObject({
        message: 'namespace_defined_in_manifest_is_in_use',
    })
})
