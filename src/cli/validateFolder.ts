import { readdir, readFile } from 'fs/promises'
import path from 'path'
import type { QuarantineEntry } from '../core/domain/quarantine'
import { validateClient, validateEvent, validateLocation } from '../adapters/opensrp/validate'

type RecordType = 'client' | 'event' | 'location'

export interface FolderReport {
    file: string
    recordType: RecordType
    valid: number
    quarantined: QuarantineEntry[]
}

export interface UnreadableFile {
    file: string
    reason: string
}

export interface FolderValidation {
    reports: FolderReport[]
    unreadable: UnreadableFile[]
    /** JSON files whose name says neither client, event nor location. */
    skipped: string[]
}

const validators = {
    client: validateClient,
    event: validateEvent,
    location: validateLocation,
} as const

const envelopeKeys: Record<RecordType, string> = {
    client: 'clients',
    event: 'events',
    location: 'locations',
}

function recordTypeOf(fileName: string): RecordType | undefined {
    if (/client/i.test(fileName)) return 'client'
    if (/event/i.test(fileName)) return 'event'
    if (/location/i.test(fileName)) return 'location'
    return undefined
}

/**
 * The record lists of one file: a plain array of the file's type, or an envelope such as
 * `/rest/event/sync`'s `{events, clients}`, whose every list is checked.
 */
function listsOf(json: unknown, fileType: RecordType): Array<[RecordType, unknown[]]> {
    if (Array.isArray(json)) return [[fileType, json]]
    if (typeof json !== 'object' || json === null) return [[fileType, [json]]]
    const lists: Array<[RecordType, unknown[]]> = []
    for (const type of [fileType, ...(['event', 'client', 'location'] as const)]) {
        const list: unknown = Reflect.get(json, envelopeKeys[type])
        if (Array.isArray(list) && !lists.some(([seen]) => seen === type)) lists.push([type, list])
    }
    return lists.length > 0 ? lists : [[fileType, [json]]]
}

function describe(error: unknown): string {
    return error instanceof Error ? error.message : String(error)
}

/**
 * Validates every OpenSRP JSON file of a folder, as the adapter would, without a server. A file
 * that cannot be read or parsed is listed with the reason; it never stops the others.
 */
export async function validateFolder(folder: string): Promise<FolderValidation> {
    let names: string[]
    try {
        names = await readdir(folder)
    } catch (error) {
        const code = Reflect.get(Object(error), 'code')
        if (code === 'ENOENT') throw new Error(`The folder '${folder}' does not exist.`)
        if (code === 'ENOTDIR') throw new Error(`'${folder}' is a file, not a folder.`)
        throw new Error(`The folder '${folder}' cannot be read: ${describe(error)}`)
    }
    const result: FolderValidation = { reports: [], unreadable: [], skipped: [] }
    for (const file of names.filter((name) => name.endsWith('.json')).sort()) {
        const fileType = recordTypeOf(file)
        if (!fileType) {
            result.skipped.push(file)
            continue
        }
        let json: unknown
        try {
            json = JSON.parse(await readFile(path.join(folder, file), 'utf8'))
        } catch (error) {
            result.unreadable.push({ file, reason: describe(error) })
            continue
        }
        for (const [recordType, records] of listsOf(json, fileType)) {
            const report: FolderReport = { file, recordType, valid: 0, quarantined: [] }
            for (const raw of records) {
                const validated = validators[recordType](raw)
                if (validated.ok) report.valid++
                else report.quarantined.push(validated.quarantine)
            }
            result.reports.push(report)
        }
    }
    return result
}
