import { Conflicts } from './conflicts'

export interface ImportCount {
    imported: number
    updated: number
    ignored: number
    deleted: number
}

/** The outcome of one dataValueSets import, before it is shaped into a response. */
export interface DataImportResult {
    status: 'SUCCESS' | 'WARNING' | 'ERROR'
    description?: string
    importCount: ImportCount
    conflicts: Conflicts
    dataSetComplete: string
}

export const zeroCount = (): ImportCount => ({ imported: 0, updated: 0, ignored: 0, deleted: 0 })
