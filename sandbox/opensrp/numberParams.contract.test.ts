/**
 * @jest-environment node
 */
import { startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import type { JsonObject } from './json'
import { call, postJson, versions, type Fetched, type SyncPage } from './testSupport'

// Numbers in query strings are read as the real resources read them: Long.parseLong /
// Integer.parseInt in EventResource's GET sync (500 {"msg":"Error occurred"}), Spring's
// conversion for @RequestParam long/Integer (whitespace dropped, hex read; a failure is
// GlobalExceptionHandler's 500 ResponseDto), Jackson's coercions for POST bodies (400 ResponseDto).

let sandbox: OpenSrpSandbox
let location: string
let allOfLocation: SyncPage

beforeAll(async () => {
    sandbox = await startOpenSrpSandbox({ children: 120 })
    const locations = (await call(sandbox, '/rest/location/getAll?serverVersion=0&limit=100')).json<
        JsonObject[]
    >()
    location = String(locations.find((l) => (l.properties as JsonObject).geographicLevel === 6)?.id)
    allOfLocation = (
        await call(sandbox, `/rest/event/sync?locationId=${location}&limit=100000`)
    ).json<SyncPage>()
})
afterAll(() => sandbox.close())

const sync = (query: string) => call(sandbox, `/rest/event/sync?locationId=${location}&${query}`)
const errorOccurred = (response: Fetched) => {
    expect(response.status).toBe(500)
    expect(response.json()).toEqual({ msg: 'Error occurred' })
}
const responseDto = (response: Fetched, status: 400 | 500) => {
    expect(response.status).toBe(status)
    expect(response.header('content-type')).toMatch(/^application\/json/)
    expect(response.json()).toEqual({
        success: false,
        message: status === 400 ? '' : 'The server encountered an error processing the request.',
        status: status === 400 ? '400 BAD_REQUEST' : '500 INTERNAL_SERVER_ERROR',
        data: null,
    })
}

describe('GET /rest/event/sync: Long.parseLong and Integer.parseInt', () => {
    it.each([
        'serverVersion=%205',
        'serverVersion=5%20',
        'serverVersion=5.0',
        'serverVersion=1e3',
        'serverVersion=9223372036854775808',
        'limit=2147483648',
        'limit=%205',
        'limit=5.0',
        'limit=0x10',
    ])('answers 500 {"msg":"Error occurred"} for %s', async (query) => {
        errorOccurred(await sync(query))
    })

    it('takes what Java takes: a plus sign and Unicode decimal digits', async () => {
        const second = versions(allOfLocation.events)[1] ?? 0
        const plus = (await sync(`serverVersion=%2B${second}&limit=%2B3`)).json<SyncPage>()
        expect(versions(plus.events)).toEqual(versions(allOfLocation.events).slice(2, 5))
        // Bengali ০ and ৩ (U+09E6, U+09E9): serverVersion 0, limit 3.
        const bengali = (await sync('serverVersion=%E0%A7%A6&limit=%E0%A7%A9')).json<SyncPage>()
        expect(versions(bengali.events)).toEqual(versions(allOfLocation.events).slice(0, 3))
    })

    it('reads limit before checking the filters, serverVersion after', async () => {
        errorOccurred(await call(sandbox, '/rest/event/sync?limit=x'))
        const noFilter = await call(sandbox, '/rest/event/sync?serverVersion=x')
        expect(noFilter.status).toBe(400)
    })

    it('wraps Long.MAX_VALUE + 1 around to no lower bound', async () => {
        const page = (await sync('serverVersion=9223372036854775807&limit=3')).json<SyncPage>()
        expect(versions(page.events)).toEqual(versions(allOfLocation.events).slice(0, 3))
    })

    it('treats blank as commons-lang isBlank does: a no-break space is a value', async () => {
        const nbsp = await call(sandbox, '/rest/event/sync?locationId=%C2%A0')
        expect(nbsp.json<SyncPage>()).toEqual({ events: [], clients: [], no_of_events: 0 })
        expect((await call(sandbox, '/rest/event/sync?locationId=%09%20')).status).toBe(400)
    })

    it('fails a comma list with no value (SQL IN ())', async () => {
        errorOccurred(await call(sandbox, '/rest/event/sync?locationId=,'))
    })
})

describe('POST /rest/event/sync: SyncParam as Jackson binds it', () => {
    const post = (body: unknown) => postJson(sandbox, '/rest/event/sync', body)
    const expected = (from: number, to: number) => versions(allOfLocation.events).slice(from, to)

    it('coerces a numeric string limit and truncates a fractional one', async () => {
        const text = await post({ locationId: location, serverVersion: '0', limit: '3' })
        expect(text.status).toBe(200)
        expect(versions(text.json<SyncPage>().events)).toEqual(expected(0, 3))
        const fraction = await post({ locationId: location, limit: 2.9 })
        expect(versions(fraction.json<SyncPage>().events)).toEqual(expected(0, 2))
        const padded = await post({ locationId: location, limit: ' 4 ' })
        expect(versions(padded.json<SyncPage>().events)).toEqual(expected(0, 4))
    })

    it.each([
        ['a word', 'three'],
        ['a decimal string', '3.0'],
        ['a boolean', true],
        ['an array', [3]],
        ['an int overflow', 2147483648],
    ])('answers 400 for a limit that is %s', async (_, limit) => {
        responseDto(await post({ locationId: location, limit }), 400)
    })

    it('reads return_count as a Java boolean', async () => {
        const asText = await post({ locationId: location, limit: 2, return_count: 'true' })
        expect(asText.json<SyncPage>().total_records).toBe(allOfLocation.events.length)
        const asNumber = await post({ locationId: location, limit: 2, return_count: 1 })
        expect(asNumber.header('total_records')).toBe(String(allOfLocation.events.length))
        responseDto(await post({ locationId: location, return_count: 'yes' }), 400)
    })

    it('turns numbers and booleans into text for the String fields', async () => {
        const numeric = await post({ locationId: location, serverVersion: 0, limit: 1 })
        expect(versions(numeric.json<SyncPage>().events)).toEqual(expected(0, 1))
        const bool = await post({ locationId: true, serverVersion: '0' })
        expect(bool.json<SyncPage>().events).toEqual([])
        responseDto(await post({ locationId: { id: location } }), 400)
    })

    it.each([
        ['" 5"', ' 5'],
        ['"5.0"', '5.0'],
        ['5.0 (its JSON text)', 5.0],
        ['"" (not null)', ''],
    ])('answers 500 {"msg":"Error occurred"} for serverVersion %s', async (_, serverVersion) => {
        const body = `{"locationId":"${location}","serverVersion":${
            typeof serverVersion === 'number' ? '5.0' : JSON.stringify(serverVersion)
        }}`
        errorOccurred(
            await call(sandbox, '/rest/event/sync', {
                method: 'POST',
                body,
                headers: { 'Content-Type': 'application/json' },
            })
        )
    })

    it('counts an empty filter as given: unfiltered with a serverVersion, a failure without', async () => {
        const unfiltered = await post({ locationId: '', serverVersion: '0', limit: 5 })
        const all = await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=5')
        expect(versions(unfiltered.json<SyncPage>().events)).toEqual(
            versions(all.json<SyncPage>().events)
        )
        errorOccurred(await post({ locationId: '' }))
    })

    it('answers an unreadable body with the 400 ResponseDto', async () => {
        for (const body of ['{', '', '[]', '"x"']) {
            const response = await call(sandbox, '/rest/event/sync', {
                method: 'POST',
                body,
                headers: { 'Content-Type': 'application/json' },
            })
            responseDto(response, 400)
        }
    })
})

describe('getAll and countAll: Spring @RequestParam conversion', () => {
    it('drops whitespace and reads hex where Spring does', async () => {
        const plain = (await call(sandbox, '/rest/event/getAll?serverVersion=5&limit=3')).json()
        for (const query of ['serverVersion=%205&limit=3%20', 'serverVersion=0x5&limit=%233']) {
            expect((await call(sandbox, `/rest/event/getAll?${query}`)).json()).toEqual(plain)
        }
        const clients = await call(sandbox, '/rest/client/getAll?serverVersion=%201&limit=%202')
        expect(clients.json<JsonObject[]>()).toHaveLength(2)
    })

    it.each([
        '/rest/event/getAll?serverVersion=5.0',
        '/rest/event/getAll?serverVersion=0&limit=2147483648',
        '/rest/event/getAll?serverVersion=',
        '/rest/event/countAll?serverVersion=abc',
        '/rest/client/getAll?serverVersion=1.5',
        '/rest/client/getAll?serverVersion=0&limit=1e2',
        '/rest/client/countAll?serverVersion=9223372036854775808',
        '/rest/location/getAll?serverVersion=0&limit=5.0',
    ])('answers the 500 ResponseDto for %s', async (path) => {
        responseDto(await call(sandbox, path), 500)
    })

    it('sends limit 0 to the database as it is (no default) on getAll', async () => {
        const events = await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=0')
        expect(events.json<SyncPage>()).toEqual({ events: [], clients: [], no_of_events: 0 })
        const clients = await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=0')
        expect(clients.json()).toEqual([])
    })

    it('answers a negative limit in JSON: caught by event/getAll, GlobalExceptionHandler elsewhere', async () => {
        errorOccurred(await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=-1'))
        responseDto(await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=-1'), 500)
        responseDto(await call(sandbox, '/rest/location/getAll?serverVersion=0&limit=-1'), 500)
    })
})

describe('location sync: Long.parseLong with a fallback to 0, and a Jackson long', () => {
    it('reads a GET serverVersion Java would not parse as 0', async () => {
        const all = (await call(sandbox, '/rest/location/sync?serverVersion=0')).json<
            JsonObject[]
        >()
        const last = String(all[all.length - 1]?.serverVersion)
        const exact = await call(sandbox, `/rest/location/sync?serverVersion=${last}`)
        expect(exact.json<JsonObject[]>()).toHaveLength(1)
        const padded = await call(sandbox, `/rest/location/sync?serverVersion=%20${last}`)
        expect(padded.json()).toEqual(all)
    })

    it('binds the POST serverVersion as a primitive long', async () => {
        const all = (await postJson(sandbox, '/rest/location/sync', {})).json<JsonObject[]>()
        const last = Number(all[all.length - 1]?.serverVersion)
        const fraction = await postJson(sandbox, '/rest/location/sync', {
            serverVersion: last + 0.9,
        })
        expect(fraction.json<JsonObject[]>()).toHaveLength(1)
        for (const serverVersion of [true, 'abc', '1.5', [1]])
            responseDto(await postJson(sandbox, '/rest/location/sync', { serverVersion }), 400)
    })
})
