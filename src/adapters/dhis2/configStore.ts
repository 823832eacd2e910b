import type { ConfigIssue } from '../../core/config/configPath'
import { describeIssue } from '../../core/config/configPath'
import type { ConnectorSettings, Mappings } from '../../core/config/types'
import type { KeyValueStore } from '../../core/ports/keyValueStore'
import type { ConfigRoot, Parsed } from './configParse'
import { parseMappings, parseSettings } from './configParse'

/**
 * Settings and mappings in the connector's dataStore namespace (DESIGN §7: keys `settings` and
 * `mappings`), validated on every read and before every write.
 */

export const CONFIG_KEYS: Readonly<Record<ConfigRoot, string>> = {
    settings: 'settings',
    mappings: 'mappings',
}

export type ConfigurationErrorKind = 'not-configured' | 'invalid'

export class ConfigurationError extends Error {
    constructor(
        readonly kind: ConfigurationErrorKind,
        message: string,
        /** not-configured: what is missing. */
        readonly missing: ConfigRoot[] = [],
        /** invalid: every problem, with its path. */
        readonly issues: ConfigIssue[] = []
    ) {
        super(message)
        this.name = 'ConfigurationError'
    }
}

export type LoadedConfiguration =
    | {
          ok: true
          settings: ConnectorSettings
          mappings: Mappings
          /** Parts stored in an older version and upgraded in memory (saving them stores the new version). */
          migrated: ConfigRoot[]
      }
    | { ok: false; error: ConfigurationError }

export type SaveResult = { ok: true } | { ok: false; error: ConfigurationError }

function invalid(what: string, issues: ConfigIssue[]): ConfigurationError {
    const first = issues[0]
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    return new ConfigurationError(
        'invalid',
        `The ${what} are not valid: ${first ? describeIssue(first) : 'unknown problem'}${more}.`,
        [],
        issues
    )
}

export async function loadConfiguration(
    kv: KeyValueStore,
    options: { signal?: AbortSignal } = {}
): Promise<LoadedConfiguration> {
    const [storedSettings, storedMappings] = await Promise.all([
        kv.read(CONFIG_KEYS.settings, options),
        kv.read(CONFIG_KEYS.mappings, options),
    ])
    const missing: ConfigRoot[] = []
    if (storedSettings === undefined) missing.push('settings')
    if (storedMappings === undefined) missing.push('mappings')
    if (missing.length > 0) {
        return {
            ok: false,
            error: new ConfigurationError(
                'not-configured',
                `The connector is not set up yet: no ${missing.join(' and no ')} saved in DHIS2. An admin sets it up in the OpenSRP Connector app (Configure), or runs \`npx opensrp-dhis2 init --template bd\`.`,
                missing
            ),
        }
    }
    const settings = parseSettings(storedSettings)
    const mappings = parseMappings(storedMappings)
    const issues = [...issuesOf(settings), ...issuesOf(mappings)]
    if (!settings.ok || !mappings.ok) {
        const what =
            !settings.ok && !mappings.ok
                ? 'saved settings and mappings'
                : !settings.ok
                  ? 'saved settings'
                  : 'saved mappings'
        return { ok: false, error: invalid(what, issues) }
    }
    const migrated: ConfigRoot[] = []
    if (settings.migratedFrom !== undefined) migrated.push('settings')
    if (mappings.migratedFrom !== undefined) migrated.push('mappings')
    return { ok: true, settings: settings.value, mappings: mappings.value, migrated }
}

const issuesOf = <T>(parsed: Parsed<T>): ConfigIssue[] => (parsed.ok ? [] : parsed.issues)

async function save<T>(
    kv: KeyValueStore,
    root: ConfigRoot,
    parsed: Parsed<T>,
    signal: AbortSignal | undefined
): Promise<SaveResult> {
    if (!parsed.ok) return { ok: false, error: invalid(root, parsed.issues) }
    await kv.write(CONFIG_KEYS[root], parsed.value, { signal })
    return { ok: true }
}

/** Validates (and upgrades) settings, typed or imported JSON, then stores them. */
export function saveSettings(
    kv: KeyValueStore,
    settings: unknown,
    options: { signal?: AbortSignal } = {}
): Promise<SaveResult> {
    return save(kv, 'settings', parseSettings(settings), options.signal)
}

/** Validates (and upgrades) mappings, typed or imported JSON, then stores them. */
export function saveMappings(
    kv: KeyValueStore,
    mappings: unknown,
    options: { signal?: AbortSignal } = {}
): Promise<SaveResult> {
    return save(kv, 'mappings', parseMappings(mappings), options.signal)
}

/**
 * First-time setup (`opensrp-dhis2 init`): stores each part only where nothing is stored yet,
 * so re-running it never overwrites an admin's work (or the installation's UID salt).
 */
export async function initialiseConfiguration(
    kv: KeyValueStore,
    initial: { settings: ConnectorSettings; mappings: Mappings },
    options: { signal?: AbortSignal } = {}
): Promise<{ ok: true; written: ConfigRoot[] } | { ok: false; error: ConfigurationError }> {
    const written: ConfigRoot[] = []
    for (const root of ['settings', 'mappings'] as const) {
        if ((await kv.read(CONFIG_KEYS[root], options)) !== undefined) continue
        const result =
            root === 'settings'
                ? await saveSettings(kv, initial.settings, options)
                : await saveMappings(kv, initial.mappings, options)
        if (!result.ok) return result
        written.push(root)
    }
    return { ok: true, written }
}
