import { Dhis2Minor } from '../contract'
import { MetadataStore } from './metadata/store'
import { ModelState } from './state'

/** An approval of a data approval workflow; `attributeOptionCombo` defaults to `default`. */
export interface DataApprovalRecord {
    workflow: string
    period: string
    orgUnit: string
    attributeOptionCombo?: string
}

/** What every endpoint of the model works on. */
export interface ModelContext {
    minor: Dhis2Minor
    /** Patch release, where behaviour changes within a minor (async `responseType`). */
    patch: number
    state: ModelState
    store: MetadataStore
    now(): Date
    lockedPeriods: ReadonlyArray<{ dataSet: string; period: string }>
    /** Data approvals on record (`DataApproval`): workflow, ISO period, org unit and AOC. */
    approvals: ReadonlyArray<DataApprovalRecord>
    /** Turns on DHIS2's optional strict data import system settings (pre-2.43). */
    strictDataImport: boolean
}

/**
 * Async import `response.responseType` names the WebMessageResponse wrapper on 2.42.0–2.42.4 and
 * 2.43.0; 2.42.5+ and 2.43.1 are back to `TrackerJob` / `JobConfiguration` (DHIS2-21364, §7).
 */
export const wrapsJobResponseType = (ctx: ModelContext): boolean =>
    (ctx.minor === 42 && ctx.patch <= 4) || (ctx.minor === 43 && ctx.patch === 0)
