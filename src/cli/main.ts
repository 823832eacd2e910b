import { validateFolder } from './validateFolder'

const USAGE = `Usage: opensrp-dhis2 <command> [options]

Commands:
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
        return 0
    }
    process.stderr.write(`Unknown command '${command}'.\n\n${USAGE}`)
    return 2
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
        process.exit(1)
    }
)
