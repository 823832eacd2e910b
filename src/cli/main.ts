import { configCommand } from './commands/config'
import { initCommand } from './commands/init'
import { runsCommand } from './commands/runs'
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
       [--org-units UID,…] [--retry KEY,…] [--scheduled] [--wait SECONDS]
       [--lock-ttl SECONDS] [--json] [--store FILE]
                               Run a sync. Progress on stderr (a bar on a
                               terminal, plain lines otherwise), the summary on
                               stdout (one JSON object with --json).
                               --org-units runs those subtrees only, with their
                               own lock, cursors and local store (several runners
                               can share a national load; docs/scheduling.md).
                               When another run holds an overlapping scope the
                               run is refused (exit 2) unless --wait SECONDS
                               lets it wait. A run killed outright holds its
                               scope until --lock-ttl (600 s) passes; a live run
                               renews its lock every third of it.
                               OpenSRP is read through the DHIS2
                               route; for direct access add --opensrp-url,
                               --opensrp-user, --opensrp-password (or OPENSRP_URL,
                               OPENSRP_USER, OPENSRP_PASSWORD).
  config export FILE           Write the settings and mappings to FILE ('-' for
                               stdout) as one JSON file: the UID salt in its own
                               marked section, never a secret.
  config import FILE [--dry-run] [--replace-salt]
                               Check FILE (a config export, or the app's mappings
                               export) and write it to the dataStore; nothing is
                               written unless all of it is valid. --dry-run lists
                               what would change. This DHIS2's UID salt is kept
                               unless --replace-salt.
  runs list [--limit N]        The latest run reports (20 unless --limit).
  runs show ID                 One run: counts, problems grouped by code with
                               what they mean and what to do, per-record errors
                               with their OpenSRP ids.
  runs locks                   The run locks held now: who, since when, until when.
  validate <folder> [--json]   Check OpenSRP JSON files (clients*.json, events*.json,
                               locations*.json) and list the records that would be
                               quarantined, with the reason. Exit code 0 when
                               every file was read (quarantined records included),
                               1 when a file is not JSON or none was found.
  help                         Show this help.

  --json prints one JSON object on stdout (sync, config, runs).

  DHIS2 connection: --dhis2-url URL and --dhis2-token PAT, or --dhis2-user U
  --dhis2-password P; better, DHIS2_URL, DHIS2_TOKEN (or DHIS2_USER and
  DHIS2_PASSWORD) in the environment, so no secret shows in ps or a crontab.
  The local store is a SQLite file per DHIS2 and scope under ~/.opensrp-dhis2/
  unless --store says where; losing it is safe (a rerun updates, never
  duplicates).

Exit codes: 0 done; 1 sync finished with per-record errors; 2 did not run or
did not finish (bad usage, DHIS2 unreachable or login refused, configuration
missing or invalid, scope held by another run, run failed or cancelled).
`

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv
    if (!command || command === 'help' || command === '--help' || command === '-h') {
        process.stdout.write(USAGE)
        return command ? 0 : 1
    }
    if (command === 'init') return initCommand(rest, process.env)
    if (command === 'sync') return syncCommand(rest, process.env)
    if (command === 'config') return configCommand(rest, process.env)
    if (command === 'runs') return runsCommand(rest, process.env)
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
