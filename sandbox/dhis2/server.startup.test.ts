/**
 * @jest-environment node
 */
import meFixture from '../../test/fixtures/dhis2/responses/me.json'
import systemInfoFixture from '../../test/fixtures/dhis2/responses/system-info-2.41.json'
import type { Dhis2Minor } from './contract'
import { get, start, stopAll } from './server.support'
import { ADMIN, NURSE, OPERATOR, readJson } from './testUtils'

/** What an app asks for while it starts: system info, me, settings, header bar, ids. */

afterEach(stopAll)

describe('startup endpoints (reference §4.2)', () => {
    it.each([38, 40, 41, 42, 43] as Dhis2Minor[])(
        'system/info on 2.%i has the fixture shape',
        async (minor) => {
            const { url } = await start(minor)
            const info = await readJson(
                await get(`${url}/api/system/info`, { Authorization: OPERATOR })
            )
            expect(Object.keys(info as object)).toEqual(
                expect.arrayContaining(Object.keys(systemInfoFixture))
            )
            expect(info).toMatchObject({
                version: expect.stringMatching(new RegExp(`^2\\.${minor}\\.\\d+$`)),
            })
            expect(info).not.toHaveProperty('javaVersion')
            if (minor >= 43) expect(info).toMatchObject({ sessionTimeout: 3600, capability: {} })
            else expect(info).not.toHaveProperty('sessionTimeout')
        }
    )

    it('system/info shows runtime fields to superusers only', async () => {
        const { url } = await start(42)
        const info = await readJson(await get(`${url}/api/system/info`, { Authorization: ADMIN }))
        expect(info).toMatchObject({ version: '2.42.4', javaVersion: expect.any(String) })
    })

    it('me without fields has every key of the fixture; fields filter top level and settings', async () => {
        const { url } = await start(41)
        const me = (await readJson(
            await get(`${url}/api/me`, { Authorization: OPERATOR })
        )) as Record<string, unknown>
        expect(Object.keys(me).sort()).toEqual(Object.keys(meFixture).sort())
        expect(me).toMatchObject({
            id: 'L46jEA1kmsI',
            authorities: expect.arrayContaining([
                'M_opensrpconnector',
                'OPENSRP_CONNECTOR_RUN_IMPORT',
            ]),
            organisationUnits: [{ id: 'NWRRJHHp571' }],
        })
        const header = await readJson(
            await get(
                `${url}/api/41/me?fields=authorities,avatar,email,name,settings[keyUiLocale]`,
                {
                    Authorization: NURSE,
                }
            )
        )
        expect(header).toEqual({
            authorities: ['M_opensrpconnector'],
            email: 'nurse@example.org',
            name: 'Farida Begum',
            settings: { keyUiLocale: 'en' },
        })
        const nurse = await readJson(
            await get(`${url}/api/me?fields=organisationUnits`, { Authorization: NURSE })
        )
        expect(nurse).toEqual({ organisationUnits: [{ id: 'yI54G6cBAtY' }] })
    })

    it('2.43 me drops externalAccess and adds canImpersonate', async () => {
        const { url } = await start(43)
        const me = await readJson(await get(`${url}/api/me`, { Authorization: ADMIN }))
        expect(me).not.toHaveProperty('externalAccess')
        expect(me).toMatchObject({ canImpersonate: true })
    })

    it('answers the header bar and locale requests', async () => {
        const { url } = await start(42)
        const auth = { Authorization: OPERATOR }
        expect(await readJson(await get(`${url}/api/42/userSettings`, auth))).toMatchObject({
            keyUiLocale: 'en',
        })
        expect(
            await readJson(await get(`${url}/api/42/systemSettings/applicationTitle`, auth))
        ).toEqual({
            applicationTitle: 'DHIS2 Bangladesh EPI (sandbox)',
        })
        expect(
            await readJson(await get(`${url}/api/42/systemSettings/helpPageLink`, auth))
        ).toEqual({
            helpPageLink: expect.any(String),
        })
        expect(
            await readJson(
                await get(`${url}/api/42/systemSettings/keyCustomTranslationsEnabled`, auth)
            )
        ).toEqual({
            keyCustomTranslationsEnabled: false,
        })
        expect(
            (await get(`${url}/api/42/dataStore/custom-translations/controller`, auth)).status
        ).toBe(404)
        expect(await readJson(await get(`${url}/api/42/me/dashboard`, auth))).toEqual({
            unreadInterpretations: 0,
            unreadMessageConversations: 0,
        })
        const logo = await get(`${url}/api/42/staticContent/logo_banner`, auth)
        expect(logo.status).toBe(404)
        expect(await readJson(logo)).toMatchObject({ message: 'No custom file found.' })
        expect(
            await readJson(await get(`${url}/dhis-web-commons/menu/getModules.action`, auth))
        ).toEqual({
            modules: [],
        })
        expect(await readJson(await get(`${url}/api/apps/menu`, auth))).toEqual({ modules: [] })
        const ping = await get(`${url}/api/ping`)
        expect(ping.status).toBe(200)
        expect(await ping.text()).toBe('')
    })

    it('serves system/id when the model does not', async () => {
        const { url } = await start(42)
        const ids = (await readJson(
            await get(`${url}/api/system/id?limit=3`, { Authorization: OPERATOR })
        )) as {
            codes: string[]
        }
        expect(ids.codes).toHaveLength(3)
        for (const code of ids.codes) expect(code).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/)
        const uid = await readJson(
            await get(`${url}/api/system/uid.json`, { Authorization: OPERATOR })
        )
        expect(uid).toEqual({ codes: [expect.any(String)] })
    })
})
