import { readdir, readFile } from 'fs/promises'
import path from 'path'
import type { QuarantineEntry } from '../core/domain/quarantine'
import { validateClient, validateEvent, validateLocation } from '../adapters/opensrp/validate'

export interface FolderReport {
    file: string
    recordType: 'client' | 'event' | 'location'
    valid: number
    quarantined: QuarantineEntry[]
}

const validators = {
    client: validateClient,
    event: validateEvent,
    location: validateLocation,
} as const

function recordTypeOf(fileName: string): FolderReport['recordType'] | undefined {
    if (/client/i.test(fileName)) return 'client'
    if (/event/i.test(fileName)) return 'event'
    if (/location/i.test(fileName)) return 'location'
    return undefined
}

/** Accepts a plain array or an `/rest/event/sync` envelope `{events, clients}`. */
function recordsOf(json: unknown, recordType: FolderReport['recordType']): unknown[] {
    if (Array.isArray(json)) return json
    if (typeof json === 'object' && json !== null) {
        const key =
            recordType === 'client' ? 'clients' : recordType === 'event' ? 'events' : 'locations'
        const list: unknown = Reflect.get(json, key)
        if (Array.isArray(list)) return list
    }
    return [json]
}

/** Validates every OpenSRP JSON file of a folder, as the adapter would, without a server. */
export async function validateFolder(folder: string): Promise<FolderReport[]> {
    const files = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()
    const reports: FolderReport[] = []
    for (const file of files) {
        const recordType = recordTypeOf(file)
        if (!recordType) continue
        const json: unknown = JSON.parse(await readFile(path.join(folder, file), 'utf8'))
        const report: FolderReport = { file, recordType, valid: 0, quarantined: [] }
        for (const raw of recordsOf(json, recordType)) {
            const result = validators[recordType](raw)
            if (result.ok) report.valid++
            else report.quarantined.push(result.quarantine)
        }
        reports.push(report)
    }
    return reports
}
