import { parseMappings, parseSettings } from '../adapters/dhis2/configParse'
import { describeIssue } from '../core/config/configPath'
import type { ConnectorSettings, Mappings } from '../core/config/types'

/**
 * `config export FILE` / `config import FILE`: settings and mappings in one JSON file.
 *
 * The UID salt travels in its own, clearly named section rather than inside the settings: it is
 * not a credential (it cannot log in anywhere), but it decides every UID the connector creates, so
 * whoever handles the file must see it and what it is for. No secret is ever in the file: the
 * OpenSRP credentials live in the DHIS2 route or the `secrets` key (neither exported), the DHIS2
 * token only in the environment. The file has no top-level `version`, so the app's mappings import
 * (which takes `{mappings}`) reads it too; a bare mappings export from the app imports here as well.
 */

export const CONFIG_FILE_FORMAT = 'opensrp-connector/config'

export const UID_SALT_NOTICE =
    "This installation's UID salt. Every tracked entity, enrollment and event UID the connector creates is derived from it. Not a password, but keep it with this file: importing into a DHIS2 that already synced with another salt would duplicate everything, so an import keeps the target's salt unless told otherwise (--replace-salt). Never change it on an installation that has synced."

export interface ConfigFile {
    format: typeof CONFIG_FILE_FORMAT
    formatVersion: 1
    exportedAt: string
    /** The DHIS2 the configuration came from (address only). */
    exportedFrom: string
    uidSalt: { value: string; notice: string }
    settings: Omit<ConnectorSettings, 'uidSalt'>
    mappings: Mappings
}

/** An address without any user:password@ part. */
export function withoutCredentials(address: string): string {
    try {
        const url = new URL(address)
        if (url.username === '' && url.password === '') return address
        url.username = ''
        url.password = ''
        return url.toString()
    } catch {
        return address
    }
}

export function buildConfigFile(
    settings: ConnectorSettings,
    mappings: Mappings,
    meta: { exportedAt: string; exportedFrom: string }
): ConfigFile {
    const { uidSalt, ...rest } = settings
    const opensrp =
        rest.opensrp.mode === 'direct'
            ? { ...rest.opensrp, baseUrl: withoutCredentials(rest.opensrp.baseUrl) }
            : rest.opensrp
    return {
        format: CONFIG_FILE_FORMAT,
        formatVersion: 1,
        exportedAt: meta.exportedAt,
        exportedFrom: withoutCredentials(meta.exportedFrom),
        uidSalt: { value: uidSalt, notice: UID_SALT_NOTICE },
        settings: { ...rest, opensrp },
        mappings,
    }
}

export type SaltChoice = 'kept-target' | 'from-file' | 'same' | 'none'

export type ReadConfigResult =
    | {
          ok: true
          /** Absent when the file holds mappings only. */
          settings?: ConnectorSettings
          mappings: Mappings
          salt: SaltChoice
      }
    | { ok: false; problems: string[] }

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

function saltOf(file: Record<string, unknown>): string | undefined {
    const section = file.uidSalt
    if (typeof section === 'string') return section
    return isRecord(section) && typeof section.value === 'string' ? section.value : undefined
}

/**
 * Validates a file (ours, or a mappings export) against the current target. Nothing is written
 * here: the caller writes only when this says ok, both parts checked.
 */
export function readConfigFile(
    json: unknown,
    /** The salt the target DHIS2 already has, if any (read even from settings that are invalid). */
    target: { uidSalt?: string },
    { replaceSalt = false }: { replaceSalt?: boolean } = {}
): ReadConfigResult {
    if (!isRecord(json)) return { ok: false, problems: ['The file is not a JSON object.'] }
    const ours = json.format === CONFIG_FILE_FORMAT
    if (json.format !== undefined && !ours)
        return { ok: false, problems: [`Unknown file format '${String(json.format)}'.`] }
    if (ours && json.formatVersion !== 1)
        return {
            ok: false,
            problems: [
                `This file was written by a newer connector (format version ${String(json.formatVersion)}); update the connector first.`,
            ],
        }
    const mappingsJson = 'mappings' in json && !('version' in json) ? json.mappings : json
    const mappings = parseMappings(mappingsJson)
    const problems = mappings.ok ? [] : mappings.issues.map(describeIssue)

    let settings: ConnectorSettings | undefined
    let salt: SaltChoice = 'none'
    if (isRecord(json.settings)) {
        const fileSalt = saltOf(json) ?? json.settings.uidSalt
        const targetSalt = target.uidSalt
        const useTarget = targetSalt !== undefined && !replaceSalt
        const chosen = useTarget ? targetSalt : fileSalt
        salt =
            targetSalt === undefined
                ? 'from-file'
                : fileSalt === targetSalt
                  ? 'same'
                  : useTarget
                    ? 'kept-target'
                    : 'from-file'
        const parsed = parseSettings({ ...json.settings, uidSalt: chosen })
        if (parsed.ok) settings = parsed.value
        else problems.push(...parsed.issues.map(describeIssue))
    } else if (json.settings !== undefined) {
        problems.push('settings: expected an object.')
    }
    if (!mappings.ok || problems.length > 0) return { ok: false, problems }
    return { ok: true, mappings: mappings.value, salt, ...(settings ? { settings } : {}) }
}
