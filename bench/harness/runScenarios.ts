import { existsSync, mkdtempSync, statSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'
import { prepareEngine, runEngineSync, type EngineRunOptions } from '../engineRun'
import { DHIS2_ADMIN, runSeedSync } from '../seed/runSeed'
import { basicAuthorization } from '../seed/http'
import { readOrgUnitTable } from '../seed/orgUnits'
import { replayTrackerPayloads } from './directImport'
import { writeDirectPayloads } from './directPayloads'
import { extrapolatePhase } from './extrapolate'
import { measureRun } from './measure'
import type { BenchSandboxes, BenchSandboxOptions } from './sandboxes'
import type { ScenarioResult } from './scenario'

/** The three runs of the comparison, each against sandboxes of its own (a fresh, empty DHIS2). */

export type StartSandboxes = (options: BenchSandboxOptions) => Promise<BenchSandboxes>

export interface ScenarioContext {
    start: StartSandboxes
    sandboxOptions: BenchSandboxOptions
    data: { clients: number; events: number; records: number }
    /** Where the engine's tracker payloads are captured, for (c) to replay. */
    captureFile: string
}

async function withSandboxes<T>(
    context: ScenarioContext,
    extra: Partial<BenchSandboxOptions>,
    use: (sandboxes: BenchSandboxes) => Promise<T>
): Promise<T> {
    const sandboxes = await context.start({ ...context.sandboxOptions, ...extra })
    try {
        return await use(sandboxes)
    } finally {
        await sandboxes.close()
    }
}

export function runSeedScenario(
    context: ScenarioContext,
    sampleClients: number | undefined
): Promise<ScenarioResult> {
    return withSandboxes(context, {}, async (sandboxes) => {
        const { result, measurement } = await measureRun(sandboxes.counts, (phase) =>
            runSeedSync({
                dhis2Url: sandboxes.dhis2Url,
                opensrpUrl: sandboxes.opensrpUrl,
                onPhase: phase,
                ...(sampleClients !== undefined ? { clientLimit: sampleClients } : {}),
            })
        )
        const sent = result.tracker.clientsRead
        const sampled = sampleClients !== undefined && sent < context.data.clients
        const factor = sampled ? context.data.clients / Math.max(1, sent) : 1
        const { tracker, aggregate } = result
        const base: ScenarioResult = {
            key: 'seed',
            label: '(a) seed',
            status: 'measured',
            records: context.data.records,
            written:
                Math.round((tracker.trackedEntitiesCreated + tracker.enrollmentsCreated) * factor) +
                aggregate.imported +
                aggregate.updated,
            measurement,
            outcome: result,
        }
        if (!sampled) return base
        return {
            ...base,
            status: 'extrapolated',
            note:
                `tracker phase run on the first ${sent} of ${context.data.clients} clients and ` +
                `scaled ×${factor.toFixed(2)} (wall time, CPU, requests, waiting); the org unit ` +
                `read and the monthly aggregate over all ${context.data.events} events ran in full.`,
            measurement: extrapolatePhase(measurement, 'tracker', factor),
            sampled: measurement,
            extrapolation: { sampledClients: sent, totalClients: context.data.clients, factor },
        }
    })
}

export function runEngineScenario(context: ScenarioContext): Promise<ScenarioResult> {
    return withSandboxes(context, { captureTrackerTo: context.captureFile }, async (sandboxes) => {
        const options: EngineRunOptions = {
            dhis2Url: sandboxes.dhis2Url,
            opensrpUrl: sandboxes.opensrpUrl,
            dhis2Token: sandboxes.operatorToken,
            dhis2Credentials: DHIS2_ADMIN,
            opensrpCredentials: { username: 'opensrp-admin', password: 'Admin123' },
            workDir: mkdtempSync(path.join(tmpdir(), 'bench-engine-')),
        }
        try {
            await prepareEngine(options)
            const { result, measurement } = await measureRun(sandboxes.counts, async (phase) => {
                await phase('sync')
                return runEngineSync(options)
            })
            return {
                key: 'engine',
                label: '(b) engine',
                status: 'measured',
                records: context.data.records,
                ...(result.synced !== undefined ? { written: result.synced } : {}),
                measurement,
                note: 'settings and BD mappings installed with `init --template bd` before the clock started; then one `sync` (OpenSRP read directly, operator token).',
                outcome: result,
            }
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            return {
                key: 'engine',
                label: '(b) engine',
                status: 'not run',
                records: context.data.records,
                note: `the run failed: ${message}`,
            }
        }
    })
}

export function runDirectScenario(
    context: ScenarioContext,
    batchSize: number
): Promise<ScenarioResult> {
    return withSandboxes(context, {}, async (sandboxes) => {
        const captured = existsSync(context.captureFile) && statSync(context.captureFile).size > 0
        let file = context.captureFile
        let note = "the engine's own /api/tracker payloads, captured in (b)"
        if (!captured) {
            file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-direct-')), 'payloads.ndjson')
            const orgUnits = await readOrgUnitTable(sandboxes.dhis2Url, DHIS2_ADMIN)
            const built = await writeDirectPayloads({
                opensrpUrl: sandboxes.opensrpUrl,
                orgUnits,
                file,
                batchSize,
            })
            note =
                `payloads built by bench/harness/directPayloads.ts (the engine did not run): ` +
                `${built.trackedEntities} tracked entities with their enrollments and ` +
                `${built.events} events in ${built.batches} batches of up to ${batchSize}`
        }
        const authorization = basicAuthorization(DHIS2_ADMIN)
        const { result, measurement } = await measureRun(sandboxes.counts, async (phase) => {
            await phase('import')
            return replayTrackerPayloads({ dhis2Url: sandboxes.dhis2Url, file, authorization })
        })
        return {
            key: 'dhis2-direct',
            label: '(c) DHIS2 alone',
            status: 'measured',
            records: context.data.records,
            written: result.created + result.updated,
            measurement,
            note: `${note}; posted one batch at a time with async=false.`,
            outcome: result,
        }
    })
}
