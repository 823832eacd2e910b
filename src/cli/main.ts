import { initCommand } from './commands/init'
import { syncCommand } from './commands/sync'
import { UsageError } from './options'
import { validateFolder } from './validateFolder'

const USAGE = `Usage: opensrp-dhis2 <command> [options]

Commands:
  init [--template bd] [--route-code CODE]
                               Write default settings (OpenSRP through the DHIS2
                               route 'opensrp') and the Bangladesh EPI mappings to
                               the dataStore, where nothing is stored yet.
  sync [--only tracker|aggregate] [--dry-run] [--periods 202601,202602]
       [--org-units UID,…] [--retry KEY,…] [--scheduled] [--json] [--store FILE]
                               Run a sync. Progress on stderr, the summary on
                               stdout (one JSON object with --json). Exit code 0:
                               all went well, 1: finished with record errors,
                               2: failed, cancelled or another run holds the lock.
                               OpenSRP is read through the DHIS2 route; for direct
                               access add --opensrp-url, --opensrp-user,
                               --opensrp-password.

  DHIS2 connection (init, sync): --dhis2-url URL and --dhis2-token PAT, or
  --dhis2-user U --dhis2-password P; or DHIS2_URL, DHIS2_TOKEN, DHIS2_USER,
  DHIS2_PASSWORD in the environment. The local store is a SQLite file under
  ~/.opensrp-dhis2/ unless --store says where.

  validate <folder> [--json]   Check OpenSRP JSON files (clients*.json, events*.json,
                               locations*.json) and list the records that would be
                               quarantined, with the reason. Exit code 0 when
                               every file was read (quarantined records included),
                               1 when a file is not JSON or none was found.
  help                         Show this help.
`

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv
    if (!command || command === 'help' || command === '--help' || command === '-h') {
        process.stdout.write(USAGE)
        return command ? 0 : 1
    }
    if (command === 'init') return initCommand(rest, process.env)
    if (command === 'sync') return syncCommand(rest, process.env)
    if (command === 'validate') {
        const folder = rest.find((arg) => !arg.startsWith('--'))
        if (!folder) {
            process.stderr.write('validate needs a folder of OpenSRP JSON files.\n\n' + USAGE)
            return 2
        }
        const { reports, unreadable, skipped } = await validateFolder(folder)
        if (rest.includes('--json')) {
            process.stdout.write(JSON.stringify({ reports, unreadable, skipped }, null, 2) + '\n')
        } else {
            for (const report of reports) {
                process.stdout.write(
                    `${report.file}: ${report.valid} valid ${report.recordType}(s), ${report.quarantined.length} quarantined\n`
                )
                for (const entry of report.quarantined) {
                    process.stdout.write(`  - ${entry.recordId ?? '(no id)'}: ${entry.reason}\n`)
                }
            }
            for (const { file, reason } of unreadable) {
                process.stdout.write(`${file}: not valid JSON, nothing checked (${reason})\n`)
            }
            if (skipped.length > 0) {
                process.stdout.write(
                    `Skipped (the name says neither client, event nor location): ${skipped.join(', ')}\n`
                )
            }
        }
        if (reports.length === 0 && unreadable.length === 0) {
            process.stderr.write(
                `No OpenSRP JSON files (clients*.json, events*.json, locations*.json) in '${folder}'.\n`
            )
            return 1
        }
        return unreadable.length > 0 ? 1 : 0
    }
    process.stderr.write(`Unknown command '${command}'.\n\n${USAGE}`)
    return 2
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
        if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`)
        process.exit(2)
    }
)
