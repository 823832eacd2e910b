import { parseArgs } from 'util'
import { parseVersion, startDhis2Sandbox } from './dhis2'
import type { FaultOptions } from './dhis2'
import { startOpenSrpSandbox } from './opensrp'

const HELP = `Usage: npm run sandbox -- [options]
       npx tsx sandbox/cli.ts [options]

Runs the DHIS2 and the OpenSRP sandboxes in the foreground (Ctrl-C stops both) and prints
  DHIS2 sandbox ready at http://HOST:PORT
  OpenSRP sandbox ready at http://HOST:PORT
on stdout, one line each; logins and the operator's personal access token go to stderr.

Options:
  --dhis2-port N        DHIS2 port (default 8080; 0 = any free port)
  --opensrp-port N      OpenSRP port (default 8081; 0 = any free port)
  --host H              interface for both servers (default 127.0.0.1)
  --dhis2-version V     2.38 … 2.43, optionally with a patch: 2.41.3 (default 2.42; patches in
                        sandbox/dhis2/versions.ts decide Route API details)
  --children N          OpenSRP children to generate (default 2000; 0 = no sample data;
                        1000000 works: the data is generated lazily)
  --facilities N        EPI centres (default 5 = the metadata package; more are generated in
                        both sandboxes with the same OpenSRP location ids)
  --seed S              seed of the OpenSRP data generator (integer, default 1)
  --latency-ms L        delay every response of both servers by L ms
  --faults SPEC         inject faults, SPEC = comma-separated key=value:
                          5xx=RATE       share of requests answered with a 5xx (0–1)
                          timeout=RATE   share of OpenSRP requests that never answer (0–1)
                          seed=N         seed of the fault sequence
                        a key may be prefixed with dhis2. or opensrp. to target one server,
                        e.g. 5xx=0.05,timeout=0.01  or  opensrp.5xx=0.2,seed=7
  --opensrp-quirks SPEC OpenSRP server quirks, comma-separated:
                          non-monotonic  ~1% of records become visible only after higher
                                         serverVersions were served (server-web #980)
                          page-cap=N     answer at most N records whatever the limit asked
                          token-ttl=S    OAuth2 access tokens expire after S seconds
                        e.g. non-monotonic,page-cap=100,token-ttl=30
  --async-job-delay-ms N
                        DHIS2 async imports (dataValueSets, tracker) stay RUNNING for N ms
                        before they complete, as on a busy server (default: at once)
  --data-dir DIR        keep DHIS2 state (metadata, data, dataStore, apps, routes) in
                        DIR/dhis2-sandbox.json: read at start, written on Ctrl-C
  --no-metadata         start DHIS2 empty (no BD EPI metadata package)
  --lenient-data-import dataValueSets checks as DHIS2 2.38–2.42 ship them (data element in
                        data set, COC/AOC, org unit assignment and period type off);
                        by default they are on, as on servers with the strict settings
  --location-ids-as-org-unit-uids
                        OpenSRP location ids are the DHIS2 org unit UIDs
  --cors-origin URL     extra CORS origin for both servers (repeatable; DHIS2's own origin is
                        always allowed, and OpenSRP always allows the DHIS2 sandbox)
  --help                this text

Signals: SIGHUP restarts DHIS2 in place, losing its in-memory job state (task
notifications, tracker job reports) as a real restart does: kill -HUP <pid>.

Users: DHIS2 admin/district (superuser), operator/Operator123 (app + imports),
nurse/Nurse123 (app only, Mouchak Ward 1 EPI Centre); OpenSRP opensrp-admin/Admin123.`

interface OpenSrpQuirks {
    nonMonotonic?: boolean
    pageSizeCap?: number
    tokenTtlSeconds?: number
}

function parseQuirks(spec: string): OpenSrpQuirks {
    const quirks: OpenSrpQuirks = {}
    for (const part of spec
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [key = '', rawValue] = part.split('=')
        const value = Number(rawValue)
        if (key === 'non-monotonic' && rawValue === undefined) quirks.nonMonotonic = true
        else if (key === 'page-cap' && Number.isInteger(value) && value > 0)
            quirks.pageSizeCap = value
        else if (key === 'token-ttl' && Number.isInteger(value) && value > 0)
            quirks.tokenTtlSeconds = value
        else throw new Error(`--opensrp-quirks: cannot read "${part}" (see --help)`)
    }
    return quirks
}

interface FaultSpec {
    dhis2: FaultOptions
    opensrp: { errorRate?: number; timeoutRate?: number; seed?: number }
}

function parseFaults(spec: string): FaultSpec {
    const result: FaultSpec = { dhis2: {}, opensrp: {} }
    for (const part of spec
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [rawKey = '', rawValue = ''] = part.split('=')
        const value = Number(rawValue)
        if (rawValue === '' || !Number.isFinite(value))
            throw new Error(`--faults: bad value in "${part}"`)
        const [target, key] = rawKey.includes('.') ? rawKey.split('.', 2) : ['both', rawKey]
        const targets =
            target === 'both'
                ? (['dhis2', 'opensrp'] as const)
                : target === 'dhis2'
                  ? (['dhis2'] as const)
                  : target === 'opensrp'
                    ? (['opensrp'] as const)
                    : undefined
        if (!targets) throw new Error(`--faults: unknown server "${String(target)}" in "${part}"`)
        if ((key === '5xx' || key === 'timeout') && (value < 0 || value > 1)) {
            throw new Error(`--faults: ${key} must be between 0 and 1`)
        }
        for (const t of targets) {
            if (key === '5xx') result[t].errorRate = value
            else if (key === 'seed') result[t].seed = value
            else if (key === 'timeout') {
                if (t === 'opensrp') result.opensrp.timeoutRate = value
                else if (target === 'dhis2')
                    throw new Error('--faults: timeout applies to OpenSRP only')
            } else throw new Error(`--faults: unknown key "${String(key)}" (5xx, timeout, seed)`)
        }
    }
    return result
}

function integer(name: string, value: string | undefined): number | undefined {
    if (value === undefined) return undefined
    const n = Number(value)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`)
    return n
}

async function main(argv: string[]): Promise<void> {
    const { values } = parseArgs({
        args: argv,
        options: {
            'dhis2-port': { type: 'string' },
            'opensrp-port': { type: 'string' },
            host: { type: 'string' },
            'dhis2-version': { type: 'string' },
            children: { type: 'string' },
            facilities: { type: 'string' },
            seed: { type: 'string' },
            'latency-ms': { type: 'string' },
            faults: { type: 'string' },
            'opensrp-quirks': { type: 'string' },
            'data-dir': { type: 'string' },
            'async-job-delay-ms': { type: 'string' },
            'no-metadata': { type: 'boolean' },
            'lenient-data-import': { type: 'boolean' },
            'location-ids-as-org-unit-uids': { type: 'boolean' },
            'cors-origin': { type: 'string', multiple: true },
            help: { type: 'boolean' },
        },
        strict: true,
    })
    if (values.help) {
        console.log(HELP)
        return
    }
    const version = parseVersion(values['dhis2-version'] ?? '2.42')
    if (!version)
        throw new Error(`--dhis2-version: expected 2.38 … 2.43, got ${values['dhis2-version']}`)
    const host = values.host ?? '127.0.0.1'
    const faults = values.faults ? parseFaults(values.faults) : { dhis2: {}, opensrp: {} }
    const latencyMs = integer('latency-ms', values['latency-ms'])
    const facilities = integer('facilities', values.facilities)
    const children = integer('children', values.children)
    const seed = integer('seed', values.seed)
    const asyncJobDelayMs = integer('async-job-delay-ms', values['async-job-delay-ms'])
    const corsOrigins = values['cors-origin'] ?? []

    const dhis2 = await startDhis2Sandbox({
        port: integer('dhis2-port', values['dhis2-port']) ?? 8080,
        host,
        minor: version.minor,
        patch: version.patch,
        faults: faults.dhis2,
        corsAllowlist: corsOrigins,
        loadBdMetadata: !values['no-metadata'],
        strictDataImport: !values['lenient-data-import'],
        ...(latencyMs === undefined ? {} : { latencyMs }),
        ...(facilities === undefined ? {} : { facilities }),
        ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
        ...(asyncJobDelayMs === undefined ? {} : { asyncJobDelayMs }),
    })
    const opensrp = await startOpenSrpSandbox({
        port: integer('opensrp-port', values['opensrp-port']) ?? 8081,
        host,
        corsOrigins: [dhis2.url, ...corsOrigins],
        faults: faults.opensrp,
        ...(latencyMs === undefined ? {} : { latencyMs }),
        ...(facilities === undefined ? {} : { facilities }),
        ...(children === undefined ? {} : { children }),
        ...(seed === undefined ? {} : { seed }),
        ...(values['location-ids-as-org-unit-uids'] ? { locationIdsAsOrgUnitUids: true } : {}),
        ...parseQuirks(values['opensrp-quirks'] ?? ''),
    })
    console.log(`DHIS2 sandbox ready at ${dhis2.url}`)
    console.log(`OpenSRP sandbox ready at ${opensrp.url}`)
    console.error(
        `DHIS2 ${dhis2.version}: admin/district, operator/Operator123, nurse/Nurse123; ` +
            `operator token ${dhis2.operatorToken}\nOpenSRP: opensrp-admin/Admin123`
    )

    let stopping = false
    const stop = () => {
        if (stopping) return
        stopping = true
        void Promise.all([dhis2.close(), opensrp.close()]).then(
            () => process.exit(0),
            (error: unknown) => {
                console.error(error)
                process.exit(1)
            }
        )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    process.on('SIGHUP', () => {
        dhis2.restart()
        console.error('DHIS2 sandbox restarted: in-memory job state is gone.')
    })
}

main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
})
