/**
 * Child-process entry: starts the benchmark's sandboxes (argv[2] = BenchSandboxOptions as JSON)
 * and answers the parent over IPC, so the sandboxes' CPU and heap stay out of the client's
 * measurements. Messages: → {type:'counts', id} ← {type:'counts', id, counts};
 * → {type:'close'} ← {type:'closed'}. Started by remoteSandboxes.ts.
 */
import { startBenchSandboxes, type BenchSandboxOptions } from './sandboxes'

const send = (message: unknown) => process.send?.(message)
const typeOf = (message: unknown): string | undefined =>
    typeof message === 'object' && message !== null && 'type' in message
        ? String(message.type)
        : undefined
const idOf = (message: unknown): unknown =>
    typeof message === 'object' && message !== null && 'id' in message ? message.id : undefined

async function main() {
    const options: BenchSandboxOptions = JSON.parse(process.argv[2] ?? '{}')
    const sandboxes = await startBenchSandboxes(options)
    process.on('message', (message: unknown) => {
        void (async () => {
            if (typeOf(message) === 'counts')
                send({ type: 'counts', id: idOf(message), counts: await sandboxes.counts() })
            if (typeOf(message) === 'close') {
                await sandboxes.close()
                send({ type: 'closed' })
                process.disconnect?.()
            }
        })()
    })
    send({
        type: 'ready',
        dhis2Url: sandboxes.dhis2Url,
        opensrpUrl: sandboxes.opensrpUrl,
        dhis2Version: sandboxes.dhis2Version,
        operatorToken: sandboxes.operatorToken,
    })
}

process.on('disconnect', () => process.exit(0))
main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
})
