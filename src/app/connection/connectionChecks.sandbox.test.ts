/** @jest-environment ./test/setup/nodeFetchEnvironment.js */
import { startDhis2Sandbox } from '../../../sandbox/dhis2'
import { startOpenSrpSandbox } from '../../../sandbox/opensrp'
import { createNodeEngine } from '../../adapters/dhis2/engine'
import { runConnectionChecks } from './connectionChecks'
import { engineRouteTransport } from './engineRouteTransport'
import { EMPTY_ROUTE_FORM, routeBody } from './routeApi'

type Dhis2 = Awaited<ReturnType<typeof startDhis2Sandbox>>
type OpenSrp = Awaited<ReturnType<typeof startOpenSrpSandbox>>

let dhis2: Dhis2
let opensrp: OpenSrp

beforeAll(async () => {
    opensrp = await startOpenSrpSandbox({ children: 20 })
    dhis2 = await startDhis2Sandbox({ minor: 41, patch: 9 })
})

afterAll(async () => {
    await dhis2.close()
    await opensrp.close()
})

/** The route the Connection page saves, with these OpenSRP credentials. */
async function saveRoute(username: string, password: string) {
    const { engine } = await createNodeEngine({
        baseUrl: dhis2.url,
        auth: { type: 'basic', username: 'admin', password: 'district' },
    })
    const body = routeBody({ ...EMPTY_ROUTE_FORM, url: opensrp.url, username, password })
    const list = await engine.query({
        routes: { resource: 'routes', params: { fields: 'id,code' } },
    })
    const existing = JSON.stringify(list).match(/"id":"(\w+)","code":"opensrp"/)?.[1]
    if (existing) {
        await engine.mutate({ type: 'update', resource: 'routes', id: existing, data: body })
    } else {
        await engine.mutate({ type: 'create', resource: 'routes', data: body })
    }
}

async function checksAsOperator() {
    const { engine } = await createNodeEngine({
        baseUrl: dhis2.url,
        auth: { type: 'basic', username: 'operator', password: 'Operator123' },
    })
    const results = await runConnectionChecks(engineRouteTransport(engine, 'opensrp'), {
        endpoint: 'getAll',
    })
    return results.map((r) =>
        r.ok === false ? { name: r.name, code: r.error.code } : { name: r.name, ok: r.ok }
    )
}

describe('Test connection through the DHIS2 route, with the data engine', () => {
    it('says the route does not exist before it is saved', async () => {
        expect(await checksAsOperator()).toEqual([
            { name: 'events-count', code: 'route-missing' },
            { name: 'clients-count', ok: 'skipped' },
            { name: 'locations', ok: 'skipped' },
            { name: 'events-read', ok: 'skipped' },
        ])
    })

    it('counts events and clients and reads locations and events with a full OpenSRP account', async () => {
        await saveRoute('opensrp-admin', 'Admin123')
        const { engine } = await createNodeEngine({
            baseUrl: dhis2.url,
            auth: { type: 'basic', username: 'operator', password: 'Operator123' },
        })
        const results = await runConnectionChecks(engineRouteTransport(engine, 'opensrp'), {
            endpoint: 'getAll',
        })
        expect(results.map((r) => r.ok)).toEqual([true, true, true, true])
        const [events, clients] = results
        expect(events?.ok === true && events.count).toBeGreaterThan(0)
        expect(clients?.ok === true && clients.count).toBeGreaterThan(0)
    })

    it('names the missing ALL_EVENTS role for an account that has only OPENMRS', async () => {
        await saveRoute('chw', 'Chw12345')
        expect(await checksAsOperator()).toEqual([
            { name: 'events-count', ok: true },
            { name: 'clients-count', ok: true },
            { name: 'locations', code: 'missing-role' },
            { name: 'events-read', code: 'missing-role' },
        ])
    })

    it('says OpenSRP rejected the stored credentials and asks nothing more', async () => {
        await saveRoute('opensrp-admin', 'wrong')
        expect(await checksAsOperator()).toEqual([
            { name: 'events-count', code: 'credentials-rejected' },
            { name: 'clients-count', ok: 'skipped' },
            { name: 'locations', ok: 'skipped' },
            { name: 'events-read', ok: 'skipped' },
        ])
    })

    it('tells a nurse without the import authority that she may not run the route', async () => {
        await saveRoute('opensrp-admin', 'Admin123')
        const { engine } = await createNodeEngine({
            baseUrl: dhis2.url,
            auth: { type: 'basic', username: 'nurse', password: 'Nurse123' },
        })
        const [first] = await runConnectionChecks(engineRouteTransport(engine, 'opensrp'), {
            endpoint: 'getAll',
        })
        expect(first?.ok === false && first.error.code).toBe('route-forbidden')
    })
})
