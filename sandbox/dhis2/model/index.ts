import { handleFileResources } from './fileResources'
import { ApiHandler, ApiRequest, ApiResponse, Dhis2Minor, SandboxClock } from '../contract'
import { DataApprovalRecord, ModelContext } from './context'
import { handleDataValueSets } from './dataValueSets/handler'
import { JobQueue } from './jobs'
import { handleLegacy } from './legacy'
import { defaultMetadata } from './metadata/defaults'
import { importMetadata as runMetadataImport } from './metadata/import'
import { queryMetadata } from './metadata/query'
import { createObject } from './metadata/createObject'
import { hasCocUpdate, updateCategoryOptionCombo } from './metadata/categoryOptionComboUpdate'
import { MetadataStore } from './metadata/store'
import { ModelState, emptyState, isModelState } from './state'
import { handleTracker } from './tracker/handler'
import { deepClone } from './json'
import { generateUid } from './uid'
import { conflict, respond } from './webMessage'
import { DEFAULT_PATCH } from '../versions'

export interface DataModelOptions {
    minor: Dhis2Minor
    /** Patch release (default: the minor's DEFAULT_PATCH, as the server); decides the async
     * `responseType` on 2.42/2.43 and how 2.40 counts identical values. */
    patch?: number
    clock?: SandboxClock
    /** How long async jobs take before their effects and reports appear; default 50 ms. */
    asyncJobDelayMs?: number
    lockedPeriods?: Array<{ dataSet: string; period: string }>
    /** Data approvals on record; values of an approved period, org unit and AOC are refused. */
    approvals?: DataApprovalRecord[]
    /**
     * Simulates a server whose strict data import system settings are all on (strictPeriods,
     * strictDataElements, strictCategoryOptionCombos, strictAttributeOptionCombos,
     * strictOrganisationUnits, requireCategoryOptionCombo, requireAttributeOptionCombo).
     * DHIS2 ≤ 2.42 ships with them off; 2.43 always applies its group checks. Default false.
     */
    strictDataImport?: boolean
}

export interface DataModel {
    handle: ApiHandler
    importMetadata(payload: unknown, params?: URLSearchParams): ApiResponse
    /** Simulates a restart that loses in-memory job state (async jobs/reports), as DHIS2 does. */
    loseJobState(): void
    snapshot(): unknown
    restore(state: unknown): void
    orgUnitPath(uid: string): string | undefined
}

const systemNow = () => new Date()

export function createDataModel(options: DataModelOptions): DataModel {
    const now = options.clock ? () => options.clock?.now() ?? systemNow() : systemNow
    const initial: ModelState = { ...emptyState(), metadata: defaultMetadata() }
    const ctx: ModelContext = {
        minor: options.minor,
        patch: options.patch ?? DEFAULT_PATCH[options.minor],
        state: initial,
        store: new MetadataStore(initial.metadata),
        now,
        lockedPeriods: options.lockedPeriods ?? [],
        approvals: options.approvals ?? [],
        strictDataImport: options.strictDataImport ?? false,
    }
    const jobs = new JobQueue(now, options.asyncJobDelayMs ?? 50)

    const handle = (request: ApiRequest): ApiResponse | undefined => {
        jobs.runDue()
        if (request.path === 'metadata' && request.method === 'POST') {
            return runMetadataImport(ctx.store, request.body, request.query, now())
        }
        if (
            request.method === 'GET' &&
            (request.path === 'system/id' || request.path === 'system/uid')
        ) {
            const limit = Number(request.query.get('limit') ?? '1')
            if (!Number.isInteger(limit) || limit < 1)
                return conflict('Limit must be a positive integer', ctx.minor)
            if (limit > 10000)
                return conflict('Limit must be less than or equal to 10000', ctx.minor)
            return respond(200, { codes: Array.from({ length: limit }, generateUid) })
        }
        return (
            queryMetadata(ctx.store, request) ??
            createObject(ctx.store, request, now()) ??
            (hasCocUpdate(ctx.minor, ctx.patch)
                ? updateCategoryOptionCombo(ctx.store, request, now())
                : undefined) ??
            handleFileResources(ctx, request) ??
            handleDataValueSets(ctx, jobs, request) ??
            handleTracker(ctx, jobs, request) ??
            handleLegacy(ctx, request)
        )
    }

    return {
        handle,
        importMetadata: (payload, params) =>
            runMetadataImport(ctx.store, payload, params ?? new URLSearchParams(), now()),
        loseJobState: () => jobs.clear(),
        snapshot: () => {
            jobs.runDue()
            return deepClone(ctx.state)
        },
        restore: (state) => {
            if (!isModelState(state)) throw new Error('Not a DHIS2 sandbox data model snapshot')
            ctx.state = deepClone(state)
            ctx.store = new MetadataStore(ctx.state.metadata)
            jobs.clear()
        },
        orgUnitPath: (uid) => ctx.store.orgUnitPath(uid),
    }
}
