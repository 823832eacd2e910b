import { Dhis2Minor } from '../contract'
import { MetadataStore } from './metadata/store'
import { ModelState } from './state'

/** What every endpoint of the model works on. */
export interface ModelContext {
    minor: Dhis2Minor
    state: ModelState
    store: MetadataStore
    now(): Date
    lockedPeriods: ReadonlyArray<{ dataSet: string; period: string }>
    /** Turns on DHIS2's optional strict data import system settings (pre-2.43). */
    strictDataImport: boolean
}
