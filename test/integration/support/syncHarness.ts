/** Both sandboxes, the connector wired as the CLI wires it, and raw reads for independent oracles. */
import { send } from '../../../sandbox/opensrp/httpClient'
import { startOpenSrpSandbox, type OpenSrpSandboxOptions } from '../../../sandbox/opensrp'
import { startDhis2Sandbox, type Dhis2SandboxOptions } from '../../../sandbox/dhis2'
import { createKeyValueCursorStore } from '../../../src/adapters/dhis2/cursorStore'
import { createDataStoreKeyValueStore } from '../../../src/adapters/dhis2/dataStore'
import { createNodeEngine } from '../../../src/adapters/dhis2/engine'
import { createOpenSrpSource } from '../../../src/adapters/opensrp/source'
import { createTransport } from '../../../src/adapters/opensrp/transport'
import { runConnector, type ConnectorRunInput } from '../../../src/adapters/runner/runConnector'
import { systemClock } from '../../../src/adapters/runner/systemClock'
import { defaultSettings } from '../../../src/core/config/defaults'
import type { Mappings } from '../../../src/core/config/types'
import type { Dhis2OrgUnit } from '../../../src/core/orgUnits/types'
import type { KeyValueStore } from '../../../src/core/ports/keyValueStore'
import type { SyncStore } from '../../../src/core/ports/syncStore'
import { bdMappings } from '../../../src/core/templates/bdMappings'
import { InMemorySyncStore } from '../../fakes/inMemorySyncStore'

export const OPENSRP_BASIC = `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`
export const DHIS2_ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`

export type Raw = Record<string, unknown>

export { bdMappings }

/** Cursors in the dataStore: the real adapter (key cursor.<scope>.<stream>, {version, checkpoint}). */
export const kvCursorStore = createKeyValueCursorStore

export interface Harness {
    dhis2Url: string
    opensrpUrl: string
    store: SyncStore
    kv: KeyValueStore
    run(overrides?: Partial<ConnectorRunInput>): ReturnType<typeof runConnector>
    /** GET on DHIS2 as admin, parsed. */
    dhis2(path: string): Promise<Raw>
    /** Every raw record of an OpenSRP getAll endpoint, in one read. */
    opensrpAll(path: 'rest/client/getAll' | 'rest/event/getAll'): Promise<Raw[]>
    /** POST /rest/event/add on OpenSRP. */
    upload(body: { clients?: Raw[]; events?: Raw[] }): Promise<void>
    close(): Promise<void>
    restartDhis2(): void
}

export async function startHarness(options: {
    minor: Dhis2SandboxOptions['minor']
    opensrp?: OpenSrpSandboxOptions
    dhis2?: Partial<Dhis2SandboxOptions>
    mappings?: Mappings
}): Promise<Harness> {
    const opensrp = await startOpenSrpSandbox({ children: 40, seed: 5, ...options.opensrp })
    const dhis2 = await startDhis2Sandbox({ minor: options.minor, ...options.dhis2 })
    const { engine, version } = await createNodeEngine({
        baseUrl: dhis2.url,
        auth: { type: 'token', token: dhis2.operatorToken },
    })
    const kv = createDataStoreKeyValueStore(engine, version)
    const settings = {
        ...defaultSettings({ uidSalt: 'test-salt-0123456789' }),
        trackerBatchSize: 50,
    }
    const orgUnitsBody = (await engine.query({
        ou: {
            resource: 'organisationUnits',
            params: {
                paging: false,
                fields: 'id,code,name,path,level,attributeValues[value,attribute[id]]',
            },
        },
    })) as {
        ou: {
            organisationUnits: Array<
                Raw & { attributeValues: Array<{ value: string; attribute: { id: string } }> }
            >
        }
    }
    const orgUnits: Dhis2OrgUnit[] = orgUnitsBody.ou.organisationUnits.map((ou) => ({
        id: String(ou.id),
        code: typeof ou.code === 'string' ? ou.code : undefined,
        name: String(ou.name),
        path: typeof ou.path === 'string' ? ou.path : undefined,
        attributeValues: ou.attributeValues.map((v) => ({
            attribute: v.attribute.id,
            value: v.value,
        })),
    }))
    const source = createOpenSrpSource(
        createTransport({
            mode: 'direct',
            baseUrl: opensrp.url,
            auth: { type: 'basic', username: 'opensrp-admin', password: 'Admin123' },
        }),
        { pageSize: 100 }
    )
    const harness: Harness = {
        dhis2Url: dhis2.url,
        opensrpUrl: opensrp.url,
        store: new InMemorySyncStore(),
        kv,
        run: (overrides = {}) =>
            runConnector({
                engine,
                version,
                kv,
                cursors: kvCursorStore(kv),
                store: harness.store,
                source,
                clock: systemClock,
                settings,
                mappings: options.mappings ?? bdMappings(),
                orgUnits,
                scope: { streams: 'tracker' },
                dryRun: false,
                user: 'operator',
                trigger: 'manual',
                ...overrides,
            }),
        async dhis2(path) {
            const response = await fetch(`${dhis2.url}/api/${path}`, {
                headers: { Authorization: DHIS2_ADMIN },
            })
            if (!response.ok)
                throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
            return (await response.json()) as Raw
        },
        async opensrpAll(path) {
            const response = await send(`${opensrp.url}/${path}?serverVersion=0&limit=1000000`, {
                headers: { Authorization: OPENSRP_BASIC },
            })
            const body = JSON.parse(response.text) as Raw[] | { events: Raw[] }
            return Array.isArray(body) ? body : body.events
        },
        async upload(body) {
            const response = await send(`${opensrp.url}/rest/event/add`, {
                method: 'POST',
                headers: { Authorization: OPENSRP_BASIC, 'Content-Type': 'application/json' },
                body: JSON.stringify({ clients: [], events: [], ...body }),
            })
            if (response.status !== 201)
                throw new Error(`event/add: ${response.status} ${response.text}`)
        },
        async close() {
            await dhis2.close()
            await opensrp.close()
        },
        restartDhis2: () => dhis2.restart(),
    }
    return harness
}
