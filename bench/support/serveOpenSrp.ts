/** Runs only the OpenSRP sandbox, in its own process, so a benchmark measures the client alone. */
import { startOpenSrpSandbox } from '../../sandbox/opensrp'

const arg = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`)
    const value = index >= 0 ? Number(process.argv[index + 1]) : NaN
    return Number.isFinite(value) ? value : fallback
}

startOpenSrpSandbox({
    children: arg('children', 100_000),
    seed: arg('seed', 1),
    latencyMs: arg('latency-ms', 0),
}).then((sandbox) => {
    console.log(`OpenSRP sandbox ready at ${sandbox.url}`)
    const stop = () => void sandbox.close().then(() => process.exit(0))
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
})
