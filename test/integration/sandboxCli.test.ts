/**
 * @jest-environment node
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process'
import path from 'path'
import { createInterface } from 'readline'
import { ADMIN, fetch } from '../../sandbox/dhis2/testUtils'

const root = path.resolve(__dirname, '../..')

/** `npm run sandbox` as a newcomer runs it, on free ports; resolves with the two ready URLs. */
function startCli(args: string[]) {
    const child: ChildProcessWithoutNullStreams = spawn(
        process.execPath,
        ['--import', 'tsx', 'sandbox/cli.ts', '--dhis2-port', '0', '--opensrp-port', '0', ...args],
        { cwd: root }
    )
    const stdout: string[] = []
    const stderr: string[] = []
    createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line))
    const ready = new Promise<{ dhis2: string; opensrp: string }>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr.join('\n')}`)))
        createInterface({ input: child.stdout }).on('line', (line) => {
            stdout.push(line)
            const dhis2 = stdout
                .map((l) => /^DHIS2 sandbox ready at (\S+)$/.exec(l)?.[1])
                .find(Boolean)
            const opensrp = stdout
                .map((l) => /^OpenSRP sandbox ready at (\S+)$/.exec(l)?.[1])
                .find(Boolean)
            if (dhis2 && opensrp) resolve({ dhis2, opensrp })
        })
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    return { child, ready, exited, stdout, stderr }
}

describe('npm run sandbox', () => {
    it('prints one ready line per server, then serves both; SIGHUP loses DHIS2 job state; SIGTERM stops cleanly', async () => {
        const cli = startCli(['--children', '5', '--async-job-delay-ms', '1000'])
        const { dhis2, opensrp } = await cli.ready
        expect(cli.stdout).toEqual([
            `DHIS2 sandbox ready at ${dhis2}`,
            `OpenSRP sandbox ready at ${opensrp}`,
        ])

        const info = await fetch(`${dhis2}/api/system/info`, { headers: { Authorization: ADMIN } })
        expect(((await info.json()) as { version: string }).version).toMatch(/^2\.42\./)
        const opensrpAuth = `Basic ${Buffer.from('opensrp-admin:Admin123').toString('base64')}`
        const clients = await fetch(`${opensrp}/rest/client/getAll?serverVersion=0&limit=1`, {
            headers: { Authorization: opensrpAuth },
        })
        expect(clients.status).toBe(200)

        const job = await fetch(`${dhis2}/api/tracker?async=true`, {
            method: 'POST',
            headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
            body: JSON.stringify({ trackedEntities: [] }),
        })
        const { response } = (await job.json()) as { response: { id: string } }
        const report = () =>
            fetch(`${dhis2}/api/tracker/jobs/${response.id}/report`, {
                headers: { Authorization: ADMIN },
            })
        expect((await report()).status).toBe(404) // still RUNNING (--async-job-delay-ms)
        let ready = await report()
        while (ready.status === 404) {
            await new Promise((resolve) => setTimeout(resolve, 100))
            ready = await report()
        }
        expect(ready.status).toBe(200)

        cli.child.kill('SIGHUP')
        await new Promise<void>((resolve) => {
            const poll = setInterval(() => {
                if (cli.stderr.some((line) => /restarted/.test(line))) {
                    clearInterval(poll)
                    resolve()
                }
            }, 20)
        })
        expect((await report()).status).toBe(404)

        cli.child.kill('SIGTERM')
        expect(await cli.exited).toBe(0)
    })

    it('refuses an unknown option with a message instead of starting', async () => {
        const cli = startCli(['--dhis2-verison', '2.40'])
        await expect(cli.ready).rejects.toThrow(/Unknown option '--dhis2-verison'/)
        expect(await cli.exited).toBe(1)
    })
})
