import { fork, type ChildProcess } from 'child_process'
import path from 'path'
import type { ServerCounts } from './countingProxy'
import type { BenchSandboxes, BenchSandboxOptions, SandboxCounts } from './sandboxes'

/**
 * The benchmark's sandboxes in a child process (sandboxHost.ts), behind the same interface as
 * the in-process ones. The child gets a large heap: a DHIS2 sandbox holding 100k tracked
 * entities and their events lives entirely in memory.
 */

type Message = Record<string, unknown>

const isMessage = (value: unknown): value is Message =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (message: Message, key: string): string => {
    const value = message[key]
    if (typeof value !== 'string') throw new Error(`Sandbox host sent no ${key}`)
    return value
}

function serverCounts(value: unknown): ServerCounts {
    if (!isMessage(value)) throw new Error('Sandbox host sent no counts')
    const number = (key: string) => (typeof value[key] === 'number' ? Number(value[key]) : 0)
    const byRoute: Record<string, number> = {}
    if (isMessage(value.byRoute))
        for (const [route, n] of Object.entries(value.byRoute))
            if (typeof n === 'number') byRoute[route] = n
    return {
        requests: number('requests'),
        byRoute,
        busyMs: number('busyMs'),
        bytesSent: number('bytesSent'),
        bytesReceived: number('bytesReceived'),
    }
}

function sandboxCounts(value: unknown): SandboxCounts {
    if (!isMessage(value)) throw new Error('Sandbox host sent no counts')
    return { dhis2: serverCounts(value.dhis2), opensrp: serverCounts(value.opensrp) }
}

export function startRemoteSandboxes(
    options: BenchSandboxOptions,
    { maxOldSpaceMb = 12_288 }: { maxOldSpaceMb?: number } = {}
): Promise<BenchSandboxes> {
    const child: ChildProcess = fork(
        path.join(__dirname, 'sandboxHost.ts'),
        [JSON.stringify(options)],
        {
            execArgv: ['--import', 'tsx', `--max-old-space-size=${maxOldSpaceMb}`],
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }
    )
    let nextId = 0
    const waiting = new Map<number, (counts: SandboxCounts) => void>()

    return new Promise((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`Sandbox host exited with ${code}`)))
        child.on('message', (message: unknown) => {
            if (!isMessage(message)) return
            if (message.type === 'counts' && typeof message.id === 'number') {
                waiting.get(message.id)?.(sandboxCounts(message.counts))
                waiting.delete(message.id)
            }
            if (message.type !== 'ready') return
            resolve({
                dhis2Url: text(message, 'dhis2Url'),
                opensrpUrl: text(message, 'opensrpUrl'),
                dhis2Version: text(message, 'dhis2Version'),
                operatorToken: text(message, 'operatorToken'),
                counts: () =>
                    new Promise((answer) => {
                        const id = nextId++
                        waiting.set(id, answer)
                        child.send({ type: 'counts', id })
                    }),
                close: () =>
                    new Promise<void>((done) => {
                        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
                        child.once('exit', () => {
                            clearTimeout(timer)
                            done()
                        })
                        child.send({ type: 'close' })
                    }),
            })
        })
    })
}
