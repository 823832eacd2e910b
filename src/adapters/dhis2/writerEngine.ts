import type { DataEngine } from '@dhis2/data-engine'

/**
 * What the DHIS2 writers need from the data engine: the app's `useDataEngine()` and the Node
 * engine (engine.ts) both fit, and so does a test double.
 */
export type Engine = Pick<DataEngine, 'query' | 'mutate'>

/** The server's version, as `/api/system/info` gives it (engine.ts `Dhis2Version` fits). */
export interface ServerVersion {
    major: number
    minor: number
    patch: number
}
