/**
 * @jest-environment node
 */
import { SUPPORTED_MINORS } from './contract'
import { ADMIN, NURSE, OPERATOR, fetch, readJson } from './testUtils'
import { start, stopAll } from './server.support'

/**
 * `POST /api/userSettings/{key}` (dhis2/dhis2-core `UserSettingController`, 2.42+
 * `UserSettingsController`): value from `?value=` or the raw body, 200 "User setting saved";
 * then `/api/userSettings` and `/api/me` `settings` show it, which is where the app shell
 * (`@dhis2/app-adapter` `useLocale`) and the header bar take the UI locale from.
 */

afterEach(stopAll)

const post = (url: string, authorization: string, body?: string) =>
    fetch(url, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'text/plain' },
        ...(body === undefined ? {} : { body }),
    })
const getJson = async (url: string, authorization: string) =>
    readJson(await fetch(url, { headers: { Authorization: authorization } }))

describe.each(SUPPORTED_MINORS)('user settings on 2.%i', (minor) => {
    it('a user switches keyUiLocale to bn (?value=) and the startup requests show it', async () => {
        const { url } = await start(minor)
        const saved = await post(`${url}/api/userSettings/keyUiLocale?value=bn`, NURSE)
        expect(saved.status).toBe(200)
        expect(await readJson(saved)).toEqual({
            httpStatus: 'OK',
            httpStatusCode: 200,
            status: 'OK',
            message: 'User setting saved',
        })
        // What the app shell asks for (useLocale: userSettings; header bar: me settings).
        expect(await getJson(`${url}/api/${minor}/userSettings`, NURSE)).toMatchObject({
            keyUiLocale: 'bn',
        })
        expect(
            await getJson(
                `${url}/api/${minor}/me?fields=authorities,avatar,email,name,settings`,
                NURSE
            )
        ).toMatchObject({ settings: { keyUiLocale: 'bn' } })
        if (minor >= 43) {
            // The 2.43 custom-translation lookups do not depend on the locale: off, no controller.
            expect(
                await getJson(`${url}/api/43/systemSettings/keyCustomTranslationsEnabled`, NURSE)
            ).toEqual({ keyCustomTranslationsEnabled: false })
            const controller = await fetch(
                `${url}/api/43/dataStore/custom-translations/controller`,
                {
                    headers: { Authorization: NURSE },
                }
            )
            expect(controller.status).toBe(404)
        }
        // Other users keep theirs.
        expect(await getJson(`${url}/api/userSettings`, OPERATOR)).toMatchObject({
            keyUiLocale: 'en',
        })
    })

    it('takes the value from a text/plain body', async () => {
        const { url } = await start(minor)
        expect((await post(`${url}/api/userSettings/keyUiLocale`, OPERATOR, 'bn')).status).toBe(200)
        expect(await getJson(`${url}/api/me?fields=settings`, OPERATOR)).toEqual({
            settings: expect.objectContaining({ keyUiLocale: 'bn' }),
        })
    })

    it('no value is 409, an unknown key 404', async () => {
        const { url } = await start(minor)
        const empty = await post(`${url}/api/userSettings/keyUiLocale`, NURSE)
        expect(empty.status).toBe(409)
        expect(await readJson(empty)).toMatchObject({
            httpStatusCode: 409,
            status: 'ERROR',
            message: 'You need to specify a new value',
        })
        const unknown = await post(`${url}/api/userSettings/keyUILocale?value=bn`, NURSE)
        expect(unknown.status).toBe(404)
        expect(await readJson(unknown)).toMatchObject({
            message:
                minor >= 42
                    ? 'Setting does not exist: keyUILocale'
                    : 'No user setting found with key: keyUILocale',
        })
        expect(await getJson(`${url}/api/userSettings`, NURSE)).toMatchObject({ keyUiLocale: 'en' })
    })

    it('?user= lets a superuser set another user; a plain user may not by userId', async () => {
        const { url, users } = await start(minor)
        const res = await post(`${url}/api/userSettings/keyUiLocale?user=nurse&value=bn`, ADMIN)
        expect(res.status).toBe(200)
        expect(await getJson(`${url}/api/userSettings`, NURSE)).toMatchObject({ keyUiLocale: 'bn' })
        const admin = users.find((u) => u.username === 'admin')
        const denied = await post(
            `${url}/api/userSettings/keyUiLocale?userId=${admin?.id ?? ''}&value=bn`,
            NURSE
        )
        expect(denied.status).toBe(minor >= 42 ? 403 : 401)
        expect(await getJson(`${url}/api/userSettings`, ADMIN)).toMatchObject({ keyUiLocale: 'en' })
    })
})
