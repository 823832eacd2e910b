/** Both sandboxes, the connector wired as the CLI wires it, and raw reads for independent oracles. */
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { send } from '../../../sandbox/opensrp/httpClient'
import {
    startOpenSrpSandbox,
    TOKEN_PATH,
    type OpenSrpSandbox,
    type OpenSrpSandboxOptions,
} from '../../../sandbox/opensrp'
import {
    startDhis2Sandbox,
    type Dhis2Sandbox,
    type Dhis2SandboxOptions,
} from '../../../sandbox/dhis2'
import { createKeyValueCursorStore } from '../../../src/adapters/dhis2/cursorStore'
import { createDataStoreKeyValueStore } from '../../../src/adapters/dhis2/dataStore'
import { createNodeEngine } from '../../../src/adapters/dhis2/engine'
import type { OpenSrpAuth } from '../../../src/adapters/opensrp/connection'
import { createOpenSrpSource, type SourceOptions } from '../../../src/adapters/opensrp/source'
import { createTransport, type TransportOptions } from '../../../src/adapters/opensrp/transport'
import { runConnector, type ConnectorRunInput } from '../../../src/adapters/runner/runConnector'
import { systemClock } from '../../../src/adapters/runner/systemClock'
import { defaultSettings } from '../../../src/core/config/defaults'
import type { ConnectorSettings, Mappings } from '../../../src/core/config/types'
import type { Clock } from '../../../src/core/ports/clock'
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
    /** The sandboxes themselves (faults, token expiry, stats). */
    opensrpSandbox: OpenSrpSandbox
    dhis2Sandbox: Dhis2Sandbox
    /** What runs use unless overridden: the settings and the mappings. */
    settings: ConnectorSettings
    mappings: Mappings
    /**
     * Stops DHIS2 and starts it again on the same port with its data (model, dataStore, tokens)
     * and other options, e.g. without the faults it started with. Needs `reopenableDhis2`.
     */
    reopenDhis2(options?: Partial<Dhis2SandboxOptions>): Promise<void>
}

export interface HarnessOptions {
    minor: Dhis2SandboxOptions['minor']
    opensrp?: OpenSrpSandboxOptions
    dhis2?: Partial<Dhis2SandboxOptions>
    mappings?: Mappings
    /** OpenSRP over Basic (default) or Keycloak's password grant (token lifetime: opensrp.tokenTtlSeconds). */
    opensrpAuth?: 'basic' | 'oauth2'
    /** The OpenSRP transport's retry policy, timeout and sleep. */
    transport?: TransportOptions
    source?: SourceOptions
    settings?: Partial<ConnectorSettings>
    /** The runs' default clock (systemClock otherwise). */
    clock?: Clock
    /** Something between the connector and DHIS2 (a fault proxy); raw reads go straight to DHIS2. */
    dhis2Front?: (dhis2Url: string) => Promise<{ url: string }>
    /** The same between the connector and OpenSRP; raw reads and uploads go straight to OpenSRP. */
    opensrpFront?: (opensrpUrl: string) => Promise<{ url: string }>
    /** Keep DHIS2's data in a temporary folder, so reopenDhis2 can restart it with other options. */
    reopenableDhis2?: boolean
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
    const opensrp = await startOpenSrpSandbox({ children: 40, seed: 5, ...options.opensrp })
    const dataDir = options.reopenableDhis2
        ? mkdtempSync(path.join(tmpdir(), 'dhis2-harness-'))
        : undefined
    let dhis2 = await startDhis2Sandbox({
        minor: options.minor,
        ...options.dhis2,
        ...(dataDir ? { dataDir } : {}),
    })
    const front = options.dhis2Front ? await options.dhis2Front(dhis2.url) : dhis2
    const { engine, version } = await createNodeEngine({
        baseUrl: front.url,
        auth: { type: 'token', token: dhis2.operatorToken },
    })
    const kv = createDataStoreKeyValueStore(engine, version)
    const settings: ConnectorSettings = {
        ...defaultSettings({ uidSalt: 'test-salt-0123456789' }),
        trackerBatchSize: 50,
        ...options.settings,
    }
    const mappings = options.mappings ?? bdMappings()
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
    const auth: OpenSrpAuth =
        options.opensrpAuth === 'oauth2'
            ? {
                  type: 'oauth2-password',
                  tokenUrl: `${opensrp.url}${TOKEN_PATH}`,
                  clientId: 'opensrp-server-web',
                  clientSecret: 'sandbox-secret',
                  username: 'opensrp-admin',
                  password: 'Admin123',
              }
            : { type: 'basic', username: 'opensrp-admin', password: 'Admin123' }
    const source = createOpenSrpSource(
        createTransport(
            {
                mode: 'direct',
                baseUrl: options.opensrpFront
                    ? (await options.opensrpFront(opensrp.url)).url
                    : opensrp.url,
                auth,
            },
            options.transport
        ),
        { pageSize: 100, ...options.source }
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
                clock: options.clock ?? systemClock,
                settings: harness.settings,
                mappings: harness.mappings,
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
            if (dataDir) rmSync(dataDir, { recursive: true, force: true })
        },
        restartDhis2: () => dhis2.restart(),
        opensrpSandbox: opensrp,
        get dhis2Sandbox() {
            return dhis2
        },
        settings,
        mappings,
        async reopenDhis2(reopened = {}) {
            if (!dataDir) throw new Error('startHarness({ reopenableDhis2: true }) first')
            const port = dhis2.port
            await dhis2.close()
            dhis2 = await startDhis2Sandbox({
                minor: options.minor,
                ...options.dhis2,
                faults: undefined,
                ...reopened,
                dataDir,
                port,
            })
        },
    }
    return harness
}
