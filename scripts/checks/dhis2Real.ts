/**
 * Check: real metadata exports from DHIS2's own test suite (never copied into this project) import
 * through POST /api/metadata of the DHIS2 sandbox on every supported version, and tracker data (and
 * a data value where the export allows) can then be written against them. Real dataValueSet
 * payloads are rejected without the metadata they refer to and accepted with it.
 *
 *   npx tsx scripts/checks/dhis2Real.ts <folder with DHIS2 metadata JSON exports>
 */
import { readdirSync, readFileSync } from 'fs'
import path from 'path'
import { SUPPORTED_MINORS } from '../../sandbox/dhis2/contract'
import { startDhis2Sandbox } from '../../sandbox/dhis2'
import { checkRealMetadata } from '../../sandbox/dhis2/model/checkRealMetadata'
import { asDataValueSet, checkRealDataValueSet } from './realDataValueSet'

const ADMIN = `Basic ${Buffer.from('admin:district').toString('base64')}`

function isMetadataExport(json: unknown): boolean {
    return (
        typeof json === 'object' &&
        json !== null &&
        ['organisationUnits', 'programs', 'dataElements', 'trackedEntityTypes'].some(
            (key) => key in json
        )
    )
}

async function main(folder: string | undefined): Promise<number> {
    if (!folder) {
        console.error('Usage: tsx scripts/checks/dhis2Real.ts <folder>')
        return 2
    }
    const files = readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .sort()
    const problems: string[] = []
    for (const minor of SUPPORTED_MINORS) {
        const sandbox = await startDhis2Sandbox({ minor, loadBdMetadata: false })
        try {
            for (const file of files) {
                const text = readFileSync(path.join(folder, file), 'utf8')
                if (!isMetadataExport(JSON.parse(text))) continue
                const response = await fetch(`${sandbox.url}/api/metadata`, {
                    method: 'POST',
                    headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
                    body: text,
                })
                const body = (await response.json()) as {
                    status?: string
                    response?: { stats?: unknown }
                }
                const line = `2.${minor} POST /api/metadata ${file}: ${response.status} ${body.status ?? ''} ${JSON.stringify(body.response?.stats ?? {})}`
                console.log(line)
                if (response.status !== 200 || body.status !== 'OK') problems.push(line)
            }
        } finally {
            await sandbox.close()
        }
        const report = await checkRealMetadata(folder, minor)
        for (const file of report.files) {
            if (file.kind === 'skipped') continue
            console.log(
                `2.${minor} data written against ${file.file}: ${JSON.stringify(file.written)}${file.notes.length ? ` (${file.notes.join('; ')})` : ''}`
            )
            for (const problem of file.problems)
                problems.push(`2.${minor} ${file.file}: ${problem}`)
        }
        if (!report.ok && problems.length === 0) problems.push(`2.${minor}: the data check failed`)
        for (const file of files) {
            const payload = asDataValueSet(
                JSON.parse(readFileSync(path.join(folder, file), 'utf8'))
            )
            if (payload) problems.push(...(await checkRealDataValueSet(file, payload, minor)))
        }
    }
    if (problems.length > 0) {
        console.error(`FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
        return 1
    }
    console.log(
        'OK: every real metadata export imported on 2.38–2.43 and accepted data; every real dataValueSet was refused without its metadata and imported with it.'
    )
    return 0
}

main(process.argv[2]).then((code) => process.exit(code))
