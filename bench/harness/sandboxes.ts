import { createWriteStream, type WriteStream } from 'fs'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import type { Dhis2Minor } from '../../sandbox/dhis2/contract'
import { startOpenSrpSandbox } from '../../sandbox/opensrp'
import { startCountingProxy, type ServerCounts } from './countingProxy'

/**
 * A fresh DHIS2 sandbox and an OpenSRP sandbox with generated data, each behind a counting proxy
 * and each answering after `latencyMs`. Used in-process (`--in-process`) or inside the sandbox
 * host child (sandboxHost.ts), which keeps their CPU and heap out of the client's measurements.
 */

export interface BenchSandboxOptions {
    /** Children in the OpenSRP generator (each usually brings a mother: ~1.9 clients). */
    children: number
    /** Delay before every DHIS2 answer. */
    latencyMs: number
    /** Delay before every OpenSRP answer; defaults to `latencyMs`. */
    opensrpLatencyMs?: number
    /** Default 41: the last version that still serves the seed's legacy endpoints. */
    minor?: Dhis2Minor
    seed?: number
    asyncJobDelayMs?: number
    /** Append every `POST /api/tracker` body (NDJSON: {url, body}) to this file. */
    captureTrackerTo?: string
}

export interface SandboxCounts {
    dhis2: ServerCounts
    opensrp: ServerCounts
}

export interface BenchSandboxes {
    /** Both URLs are the proxies'; clients never see the sandboxes directly. */
    dhis2Url: string
    opensrpUrl: string
    dhis2Version: string
    /** A personal access token of DHIS2's `operator` user. */
    operatorToken: string
    counts(): Promise<SandboxCounts>
    close(): Promise<void>
}

const isTrackerImport = (method: string, url: string) =>
    method === 'POST' && /^\/api\/(\d+\/)?tracker(\?|$)/.test(url)

export async function startBenchSandboxes(options: BenchSandboxOptions): Promise<BenchSandboxes> {
    const dhis2 = await startDhis2Sandbox({
        minor: options.minor ?? 41,
        latencyMs: options.latencyMs,
        ...(options.asyncJobDelayMs !== undefined
            ? { asyncJobDelayMs: options.asyncJobDelayMs }
            : {}),
    })
    const opensrp = await startOpenSrpSandbox({
        children: options.children,
        seed: options.seed ?? 1,
        latencyMs: options.opensrpLatencyMs ?? options.latencyMs,
    })
    let capture: WriteStream | undefined
    if (options.captureTrackerTo) capture = createWriteStream(options.captureTrackerTo)
    const dhis2Proxy = await startCountingProxy({
        target: dhis2.url,
        ...(capture
            ? {
                  captureWhen: isTrackerImport,
                  capture: ({ url, body }) => capture?.write(`${JSON.stringify({ url, body })}\n`),
              }
            : {}),
    })
    const opensrpProxy = await startCountingProxy({ target: opensrp.url })
    return {
        dhis2Url: dhis2Proxy.url,
        opensrpUrl: opensrpProxy.url,
        dhis2Version: dhis2.version,
        operatorToken: dhis2.operatorToken,
        counts: async () => ({ dhis2: dhis2Proxy.counts(), opensrp: opensrpProxy.counts() }),
        close: async () => {
            await Promise.all([dhis2Proxy.close(), opensrpProxy.close()])
            await Promise.all([dhis2.close(), opensrp.close()])
            if (capture) {
                const stream = capture
                await new Promise<void>((resolve) => stream.end(() => resolve()))
            }
        },
    }
}
