import { readFile, writeFile } from 'node:fs/promises'
import { parseSettings } from '../../adapters/dhis2/configParse'
import {
    CONFIG_KEYS,
    loadConfiguration,
    saveMappings,
    saveSettings,
} from '../../adapters/dhis2/configStore'
import { buildConfigFile, readConfigFile, type SaltChoice } from '../configFile'
import { describeChanges, diffConfig } from '../configDiff'
import { connect } from '../connect'
import { connectionFrom, parseCommand, UsageError, type ConnectionOptions } from '../options'

const SALT_LINES: Record<SaltChoice, string> = {
    'kept-target':
        "The file's UID salt differs from this DHIS2's: this DHIS2's salt is kept (its synced data keeps its UIDs). Use --replace-salt only for an installation that has never synced.",
    'from-file': "The UID salt is taken from the file (this DHIS2's UIDs will match the file's).",
    same: 'The UID salt is the same in the file and in this DHIS2.',
    none: 'The file holds mappings only; the settings (and the UID salt) are left as they are.',
}

async function exportConfig(file: string, json: boolean, connection: ConnectionOptions) {
    const { kv } = await connect(connection)
    const loaded = await loadConfiguration(kv)
    if (!loaded.ok) {
        process.stderr.write(`${loaded.error.message}\n`)
        return 2
    }
    const content = buildConfigFile(loaded.settings, loaded.mappings, {
        exportedAt: new Date().toISOString(),
        exportedFrom: connection.url,
    })
    const text = `${JSON.stringify(content, null, 2)}\n`
    if (file === '-') process.stdout.write(text)
    else await writeFile(file, text, 'utf8')
    if (file !== '-') {
        const message = `Wrote the settings and mappings to ${file}. It holds this installation's UID salt (marked "uidSalt") and no secret.`
        process.stdout.write(json ? `${JSON.stringify({ file, written: true })}\n` : `${message}\n`)
    }
    return 0
}

async function importConfig(
    file: string,
    options: { dryRun: boolean; replaceSalt: boolean; json: boolean },
    connection: ConnectionOptions
) {
    let parsedJson: unknown
    try {
        parsedJson = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
        process.stderr.write(
            `Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}\n`
        )
        return 2
    }
    const { kv } = await connect(connection)
    const rawSettings = await kv.read(CONFIG_KEYS.settings)
    const storedSettings = parseSettings(rawSettings)
    const storedMappings = await kv.read(CONFIG_KEYS.mappings)
    const uidSalt =
        typeof rawSettings === 'object' && rawSettings !== null
            ? Reflect.get(rawSettings, 'uidSalt')
            : undefined
    const result = readConfigFile(parsedJson, typeof uidSalt === 'string' ? { uidSalt } : {}, {
        replaceSalt: options.replaceSalt,
    })
    if (!result.ok) {
        process.stderr.write(
            `Nothing was imported: ${file} is not a valid configuration.\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`
        )
        return 2
    }
    const changes = [
        ...(result.settings
            ? diffConfig(
                  storedSettings.ok ? storedSettings.value : undefined,
                  result.settings,
                  'settings'
              )
            : []),
        ...diffConfig(storedMappings, result.mappings, 'mappings'),
    ]
    if (!options.dryRun && changes.length > 0) {
        const saved = result.settings
            ? await saveSettings(kv, result.settings)
            : { ok: true as const }
        const savedMappings = saved.ok ? await saveMappings(kv, result.mappings) : saved
        if (!savedMappings.ok) {
            process.stderr.write(`${savedMappings.error.message}\n`)
            return 2
        }
    }
    const parts = result.settings ? 'settings and mappings' : 'mappings'
    if (options.json) {
        process.stdout.write(
            `${JSON.stringify({ dryRun: options.dryRun, imported: parts, salt: result.salt, changes: changes.map(({ path, change }) => ({ path, change })) })}\n`
        )
        return 0
    }
    const head =
        changes.length === 0
            ? `The ${parts} in ${file} are what this DHIS2 already has; nothing to change.`
            : options.dryRun
              ? `Importing ${file} would make ${changes.length} change(s) to the ${parts} (--dry-run: nothing was written):`
              : `Imported the ${parts} from ${file}: ${changes.length} change(s).`
    const lines = [head, ...describeChanges(changes), SALT_LINES[result.salt]]
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
}

/** `config export FILE` and `config import FILE [--dry-run] [--replace-salt]`. */
export async function configCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
    const { values, positionals } = parseCommand(args, {
        'dry-run': { type: 'boolean', default: false },
        'replace-salt': { type: 'boolean', default: false },
    })
    const [action, file] = positionals
    if ((action !== 'export' && action !== 'import') || !file)
        throw new UsageError('config takes export FILE or import FILE.')
    const connection = connectionFrom(values, env)
    if (action === 'export') return exportConfig(file, values.json, connection)
    return importConfig(
        file,
        { dryRun: values['dry-run'], replaceSalt: values['replace-salt'], json: values.json },
        connection
    )
}
