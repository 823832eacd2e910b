/**
 * @jest-environment node
 */
import { readFileSync } from 'fs'
import path from 'path'
import { loadRecords, startOpenSrpSandbox, type OpenSrpSandbox } from './index'
import { str, type JsonObject } from './json'
import { call, postJson, versions, type SyncPage } from './testSupport'

// POST /rest/event/add: reference §2.2 (upsert, replace by _id or formSubmissionId) and §5.3.

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures', 'opensrp')
const fixture = <T>(name: string): T =>
    JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as T
const clients = fixture<JsonObject[]>('clients.json')
const page1 = fixture<SyncPage>('events-sync-page-1.json')
const page2 = fixture<SyncPage>('events-sync-page-2.json')

/** What a device uploads: no serverVersion, no server fields. */
const asUploaded = (record: JsonObject): JsonObject => {
    const {
        serverVersion: _sv,
        dateCreated: _dc,
        dateEdited: _de,
        _rev: _rev,
        ...rest
    } = structuredClone(record)
    return rest
}
const withoutId = ({ _id: _drop, ...rest }: JsonObject): JsonObject => rest
const byId = (events: JsonObject[], id: string): JsonObject => {
    const found = events.find((e) => e._id === id)
    if (!found) throw new Error(`fixture event ${id} missing`)
    return found
}

let sandbox: OpenSrpSandbox
beforeEach(async () => {
    sandbox = await startOpenSrpSandbox({ children: 40 })
})
afterEach(() => sandbox.close())

const allEvents = async (): Promise<JsonObject[]> =>
    (await call(sandbox, '/rest/event/getAll?serverVersion=0&limit=100000')).json<SyncPage>().events

describe('request shapes', () => {
    it('answers 400 with an empty body when neither clients nor events is present', async () => {
        const response = await postJson(sandbox, '/rest/event/add', { something: [] })
        expect(response.status).toBe(400)
        expect(response.text).toBe('')
    })

    it('answers 500 with an empty body on unparseable JSON or an unreadable date, storing nothing', async () => {
        const before = (await call(sandbox, '/rest/event/countAll?serverVersion=0')).json()
        const broken = await call(sandbox, '/rest/event/add', {
            method: 'POST',
            body: '{"events":[',
            headers: { 'Content-Type': 'application/json' },
        })
        expect(broken.status).toBe(500)
        expect(broken.text).toBe('')
        const good = asUploaded(byId(page1.events, '8e3bb3f8-23a2-4b26-b4cc-49d259ac22a5'))
        const badDate = {
            ...asUploaded(good),
            _id: 'x-1',
            formSubmissionId: 'f-1',
            eventDate: '26-02-2024',
        }
        const response = await postJson(sandbox, '/rest/event/add', { events: [good, badDate] })
        expect(response.status).toBe(500)
        expect((await call(sandbox, '/rest/event/countAll?serverVersion=0')).json()).toEqual(before)
    })

    it('reports clients without baseEntityId in failed_clients, still with 201', async () => {
        const { baseEntityId: _b, ...client } = asUploaded(clients[0] ?? {})
        const response = await postJson(sandbox, '/rest/event/add', { clients: [client] })
        expect(response.status).toBe(201)
        expect(response.json()).toEqual({ failed_clients: [null] })
    })

    it('drops an unresolved event without baseEntityId (EventsRepositoryImpl.add), still with 201', async () => {
        const { baseEntityId: _b, ...event } = asUploaded(page1.events[0] ?? {})
        const before = (await allEvents()).length
        const response = await postJson(sandbox, '/rest/event/add', {
            events: [{ ...event, _id: 'no-entity', formSubmissionId: 'no-entity-form' }],
        })
        expect(response.status).toBe(201)
        expect(response.text).toBe('')
        expect((await allEvents()).length).toBe(before)
        expect((await call(sandbox, '/rest/event/findById?id=no-entity')).text).toBe('null')
    })
})

describe('storing', () => {
    it('inserts with dateCreated = now and serverVersions above the generated range, per-table sequences', async () => {
        const generatedMax = Math.max(...versions(await allEvents()))
        await loadRecords(sandbox, {
            clients: clients.map(asUploaded),
            events: page1.events.map(asUploaded),
        })
        const uploaded = (
            await call(sandbox, `/rest/event/getAll?serverVersion=${generatedMax}&limit=100`)
        ).json<SyncPage>()
        expect(uploaded.events.map((e) => e._id)).toEqual(page1.events.map((e) => e._id))
        const v = versions(uploaded.events)
        expect(v.every((x, i) => i === 0 || x > (v[i - 1] ?? 0))).toBe(true)
        expect(
            uploaded.events.every((e) => typeof e.dateCreated === 'string' && e._rev === 'v1')
        ).toBe(true)
        const clientPage = (
            await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=100000')
        ).json<JsonObject[]>()
        const uploadedClients = clientPage.slice(-clients.length)
        expect(uploadedClients.map((c) => c.baseEntityId)).toEqual(
            clients.map((c) => c.baseEntityId)
        )
        // Separate sequences: the first client and event versions handed out are unrelated counters.
        expect(versions(uploadedClients)[0]).not.toBe((v[0] ?? 0) - 1)
    })

    it('replaces an event with the same formSubmissionId: keeps _id, bumps _rev, new serverVersion, dateEdited', async () => {
        await loadRecords(sandbox, {
            clients: clients.map(asUploaded),
            events: page1.events.map(asUploaded),
        })
        const original =
            (await allEvents()).find((e) => e._id === '59e81c87-ca15-49a5-9d75-904efb9de817') ?? {}
        const edit = {
            ...asUploaded(byId(page2.events, '59e81c87-ca15-49a5-9d75-904efb9de817')),
            _id: 'a-new-device-id',
        }
        await loadRecords(sandbox, { events: [edit] })
        const matches = (await allEvents()).filter(
            (e) => e.formSubmissionId === original.formSubmissionId
        )
        expect(matches).toHaveLength(1)
        const stored = matches[0] ?? {}
        expect(stored._id).toBe('59e81c87-ca15-49a5-9d75-904efb9de817')
        expect(stored._rev).toBe('v2')
        expect(stored.eventDate).toBe('2024-01-29T00:00:00.000')
        expect(Number(stored.serverVersion)).toBeGreaterThan(Number(original.serverVersion))
        expect(typeof stored.dateEdited).toBe('string')
    })

    it('lets a Void Event overwrite a generated event by formSubmissionId, removing it from its old slot', async () => {
        const before = await allEvents()
        const target =
            before.find((e) => e.eventType === 'Vaccination' && typeof e._id === 'string') ?? {}
        const voidEvent = {
            ...asUploaded(byId(page2.events, 'b7dbb143-2515-4b48-bd0e-07c64ceffdc1')),
            _id: 'b7dbb143-0000-4000-8000-000000000000',
            baseEntityId: target.baseEntityId ?? null,
            formSubmissionId: target.formSubmissionId ?? null,
        }
        await loadRecords(sandbox, { events: [voidEvent] })
        const after = await allEvents()
        expect(after).toHaveLength(before.length)
        expect(after.some((e) => e.serverVersion === target.serverVersion)).toBe(false)
        const replaced = after.filter((e) => e._id === target._id)
        expect(replaced).toHaveLength(1)
        expect(replaced[0]).toMatchObject({ eventType: 'Void Event', voided: true, obs: [] })
        expect(Number(replaced[0]?.serverVersion)).toBeGreaterThan(Math.max(...versions(before)))
        const count = (await call(sandbox, '/rest/event/countAll?serverVersion=0')).json()
        expect(count).toEqual({ count: before.length })
    })

    it('upserts a client by baseEntityId: the old version leaves its slot, _id is kept', async () => {
        const before = (
            await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=100000')
        ).json<JsonObject[]>()
        const target = before[1] ?? {}
        await loadRecords(sandbox, {
            clients: [{ ...withoutId(asUploaded(target)), lastName: 'Corrected' }],
        })
        const after = (
            await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=100000')
        ).json<JsonObject[]>()
        expect(after).toHaveLength(before.length)
        const last = after[after.length - 1] ?? {}
        expect(last).toMatchObject({
            baseEntityId: target.baseEntityId,
            _id: target._id,
            lastName: 'Corrected',
        })
        expect(after.filter((c) => c.baseEntityId === target.baseEntityId)).toHaveLength(1)
    })
})

describe('processOutOfArea (§5.3)', () => {
    const arif = clients.find((c) => c.firstName === 'Arif') ?? {}
    const home = '0eda413e-1e60-43a9-9294-effec7e3c61f'
    const birth = {
        ...asUploaded(byId(page1.events, '024d1cb9-f0ca-4e5d-a794-d48bf7fe050d')),
        _id: 'arif-birth',
        formSubmissionId: 'arif-birth-form',
        baseEntityId: arif.baseEntityId ?? null,
        locationId: home,
        providerId: 'ha_mokamtola3kha',
    }
    const deviceVaccination = {
        ...asUploaded(byId(page2.events, 'ce1aa18a-aba7-4a81-93e1-23d8b4efa3e6')),
        baseEntityId: '',
    }
    const outOfArea = {
        ...asUploaded(byId(page2.events, 'b9b28da0-ca35-416d-9f30-7cc7e5db4e96')),
        baseEntityId: '',
        identifiers: { ZEIR_ID: '1036652-8' },
    }

    it('attaches both events to the client and creates the home facility copy', async () => {
        await loadRecords(sandbox, { clients: [asUploaded(arif)], events: [birth] })
        await loadRecords(sandbox, { events: [deviceVaccination, outOfArea] })
        const page = (
            await call(
                sandbox,
                `/rest/event/sync?baseEntityId=${String(arif.baseEntityId)}&limit=50`
            )
        ).json<SyncPage>()
        const types = page.events.map((e) => `${str(e, 'eventType')}@${str(e, 'locationId')}`)
        expect(types).toEqual([
            `Birth Registration@${home}`,
            'Vaccination@85d4d951-3eaa-479e-a482-b9183234206c',
            `Vaccination@${home}`,
            'Out of Area Service - Vaccination@85d4d951-3eaa-479e-a482-b9183234206c',
        ])
        const [, device, made, service] = page.events
        expect(device?.identifiers).toEqual({ ZEIR_ID: '1036652-8' })
        expect(service?.identifiers).toEqual({})
        expect(made?.details).toEqual({ out_of_catchment_provider_id: 'ha_kichak5' })
        expect(made?.providerId).toBe('ha_mokamtola3kha')
        expect(made?.formSubmissionId).not.toBe(service?.formSubmissionId)
        expect(made?.formSubmissionId).not.toBe(device?.formSubmissionId)
        expect(made?.obs).toEqual(service?.obs)
    })

    it('leaves the events unattached when the client has no Birth Registration', async () => {
        await loadRecords(sandbox, { clients: [asUploaded(arif)] })
        await loadRecords(sandbox, { events: [outOfArea] })
        const last = (await allEvents()).slice(-1)[0] ?? {}
        expect(last).toMatchObject({
            eventType: 'Out of Area Service - Vaccination',
            baseEntityId: '',
        })
        expect(last.identifiers).toEqual({ ZEIR_ID: '1036652-8' })
    })

    it('resolves a generated child by its ZEIR_ID', async () => {
        const child =
            (await call(sandbox, '/rest/client/getAll?serverVersion=0&limit=10'))
                .json<JsonObject[]>()
                .find((c) => (c.identifiers as JsonObject).ZEIR_ID !== undefined && !c.voided) ?? {}
        const zeir = String((child.identifiers as JsonObject).ZEIR_ID)
        await loadRecords(sandbox, {
            events: [
                {
                    ...outOfArea,
                    _id: 'oa-1',
                    formSubmissionId: 'oa-form-1',
                    identifiers: { ZEIR_ID: zeir },
                },
            ],
        })
        const tail = (await allEvents()).slice(-2)
        expect(tail.map((e) => [e.eventType, e.baseEntityId])).toEqual([
            ['Vaccination', child.baseEntityId],
            ['Out of Area Service - Vaccination', child.baseEntityId],
        ])
        expect(tail[0]?.locationId).toBe(child.locationId)
    })
})
