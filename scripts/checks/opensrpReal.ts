/**
 * Check: real OpenSRP records (from OpenSRP's own repository; never copied into this project) go
 * into the OpenSRP sandbox the way devices upload them (POST /rest/event/add) and come out of the
 * source adapter either valid or quarantined with a reason — each exactly once.
 *
 *   npx tsx scripts/checks/opensrpReal.ts <folder with clients.json, events.json, locations.json>
 */
import { readFileSync, existsSync } from 'fs'
import path from 'path'
import { createOpenSrpSource } from '../../src/adapters/opensrp/source'
import { createTransport } from '../../src/adapters/opensrp/transport'
import { validateLocation } from '../../src/adapters/opensrp/validate'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'

function readArray(folder: string, file: string): unknown[] {
    const full = path.join(folder, file)
    if (!existsSync(full)) return []
    const json: unknown = JSON.parse(readFileSync(full, 'utf8'))
    if (!Array.isArray(json)) throw new Error(`${full} is not a JSON array`)
    return json
}

function idOf(raw: unknown, key: string): string | undefined {
    const value = typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined
    return typeof value === 'string' && value !== '' ? value : undefined
}

async function main(folder: string | undefined): Promise<number> {
    if (!folder) {
        console.error('Usage: tsx scripts/checks/opensrpReal.ts <folder>')
        return 2
    }
    const clients = readArray(folder, 'clients.json')
    const events = readArray(folder, 'events.json')
    const locations = readArray(folder, 'locations.json')
    const sandbox = await startOpenSrpSandbox({ children: 0 })
    const problems: string[] = []
    try {
        const auth = `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`
        const upload = await fetch(`${sandbox.url}/rest/event/add`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: auth },
            body: JSON.stringify({ clients, events }),
        })
        const uploadText = await upload.text()
        console.log(`POST /rest/event/add: ${upload.status} ${uploadText || '(empty body)'}`)
        if (upload.status !== 201) problems.push(`upload answered ${upload.status}`)
        const failed = uploadText
            ? (JSON.parse(uploadText) as { failed_events?: unknown[]; failed_clients?: unknown[] })
            : {}

        const source = createOpenSrpSource(
            createTransport({
                mode: 'direct',
                baseUrl: sandbox.url,
                auth: { type: 'basic', username: 'opensrp-admin', password: 'Admin123' },
            }),
            { pageSize: 7, overlap: 10 }
        )
        const seenEvents = new Map<string, number>()
        const seenClients = new Map<string, number>()
        const quarantine: string[] = []
        for await (const batch of source.streamEvents({ endpoint: 'getAll' }, undefined)) {
            for (const event of batch.records)
                seenEvents.set(event.id, (seenEvents.get(event.id) ?? 0) + 1)
            for (const q of batch.quarantined) {
                if (q.recordType === 'event' && q.recordId)
                    seenEvents.set(q.recordId, (seenEvents.get(q.recordId) ?? 0) + 1)
                quarantine.push(`${q.recordType} ${q.recordId ?? '(no id)'}: ${q.reason}`)
            }
        }
        for await (const batch of source.streamClients(undefined)) {
            for (const client of batch.records)
                seenClients.set(client.id, (seenClients.get(client.id) ?? 0) + 1)
            for (const q of batch.quarantined) {
                const id = idOf(q.raw, '_id')
                if (id) seenClients.set(id, (seenClients.get(id) ?? 0) + 1)
                quarantine.push(`client ${q.recordId ?? '(no id)'}: ${q.reason}`)
            }
        }
        const failedEvents = new Set((failed.failed_events ?? []).map(String))
        const failedClients = new Set((failed.failed_clients ?? []).map(String))
        for (const raw of events) {
            const id = idOf(raw, '_id')
            const submission = idOf(raw, 'formSubmissionId')
            if (submission && failedEvents.has(submission)) continue
            const count = id ? (seenEvents.get(id) ?? 0) : 0
            if (count !== 1) problems.push(`event ${id ?? '(no id)'} came out ${count} times`)
        }
        for (const raw of clients) {
            const id = idOf(raw, '_id')
            const baseEntityId = idOf(raw, 'baseEntityId')
            if (baseEntityId && failedClients.has(baseEntityId)) continue
            const count = id ? (seenClients.get(id) ?? 0) : 0
            if (count !== 1) problems.push(`client ${id ?? '(no id)'} came out ${count} times`)
        }
        for (const raw of locations) {
            const result = validateLocation(raw)
            if (!result.ok)
                quarantine.push(
                    `location ${result.quarantine.recordId ?? '(no id)'}: ${result.quarantine.reason}`
                )
        }
        console.log(
            `events in: ${events.length}, out: ${[...seenEvents.values()].reduce((a, b) => a + b, 0)}; clients in: ${clients.length}, out: ${[...seenClients.values()].reduce((a, b) => a + b, 0)}; locations: ${locations.length}`
        )
        console.log(
            `refused by /rest/event/add: ${failedEvents.size} event(s), ${failedClients.size} client(s)`
        )
        console.log(`quarantined (${quarantine.length}):`)
        for (const line of quarantine) console.log(`  - ${line}`)
    } finally {
        await sandbox.close()
    }
    if (problems.length > 0) {
        console.error(`FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
        return 1
    }
    console.log('OK: every record came out exactly once, valid or quarantined with a reason.')
    return 0
}

main(process.argv[2]).then((code) => process.exit(code))
