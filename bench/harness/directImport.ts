import { createReadStream } from 'fs'
import { createInterface } from 'readline'
import { objectAt, requestJson, stringAt } from '../seed/http'

/**
 * "DHIS2 alone": replays tracker payloads from an NDJSON file ({url, body} per line) straight to
 * `/api/tracker`, one batch at a time and synchronously (async=false), so the time measured is
 * DHIS2's import of those payloads plus the set latency, with no polling and no client work.
 */

export interface DirectImportCounts {
    batches: number
    created: number
    updated: number
    ignored: number
    /** Batches DHIS2 answered with 409: some objects refused (OBJECT mode keeps the rest). */
    batchesWithErrors: number
    firstErrors: string[]
}

/** The same import, asked to answer at once: `async=false` whatever the capture said. */
export function synchronousUrl(url: string): string {
    const [path, query = ''] = url.split('?')
    const params = new URLSearchParams(query)
    params.set('async', 'false')
    return `${path ?? '/api/tracker'}?${params.toString()}`
}

const statOf = (report: unknown, key: string): number => {
    const stats = objectAt(report, 'stats')
    const value = stats?.[key]
    return typeof value === 'number' ? value : 0
}

export async function replayTrackerPayloads(options: {
    dhis2Url: string
    file: string
    authorization: string
}): Promise<DirectImportCounts> {
    const counts: DirectImportCounts = {
        batches: 0,
        created: 0,
        updated: 0,
        ignored: 0,
        batchesWithErrors: 0,
        firstErrors: [],
    }
    const lines = createInterface({ input: createReadStream(options.file), crlfDelay: Infinity })
    for await (const line of lines) {
        if (line.trim() === '') continue
        const entry: unknown = JSON.parse(line)
        const url = stringAt(entry, 'url')
        const body = stringAt(entry, 'body')
        if (!url || body === undefined) continue
        const reply = await requestJson(
            'POST',
            `${options.dhis2Url}${synchronousUrl(url)}`,
            options.authorization,
            body
        )
        const report = reply.body
        counts.batches++
        counts.created += statOf(report, 'created')
        counts.updated += statOf(report, 'updated')
        counts.ignored += statOf(report, 'ignored')
        if (reply.status !== 200) {
            counts.batchesWithErrors++
            if (counts.firstErrors.length < 5)
                counts.firstErrors.push(
                    `batch ${counts.batches}: ${reply.status} ${stringAt(report, 'status') ?? ''}`
                )
        }
    }
    return counts
}
