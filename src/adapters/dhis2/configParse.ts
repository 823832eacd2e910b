import type { z } from 'zod'
import { checkMappingConsistency } from '../../core/config/checkMappingConsistency'
import type { ConfigIssue, PathSegment } from '../../core/config/configPath'
import { configPath } from '../../core/config/configPath'
import type { ConnectorSettings, Mappings } from '../../core/config/types'
import { mappingsSchema, settingsSchema } from './configSchema'

/**
 * Reading stored or imported configuration: migrate older versions to the current one, then
 * validate, with one readable issue per problem (`mappings.tracker.programs[0].program: expected
 * a DHIS2 UID …`).
 */

export type ConfigRoot = 'settings' | 'mappings'

export type Parsed<T> =
    { ok: true; value: T; migratedFrom?: number } | { ok: false; issues: ConfigIssue[] }

export const CURRENT_VERSION: Readonly<Record<ConfigRoot, number>> = { settings: 1, mappings: 1 }

/** Upgrades one version to the next: `MIGRATIONS.settings[1]` turns a v1 object into v2. */
export type Migration = (value: Record<string, unknown>) => Record<string, unknown>

export const MIGRATIONS: Readonly<Record<ConfigRoot, Readonly<Record<number, Migration>>>> = {
    settings: {},
    mappings: {},
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

/** Brings a stored object to `current`; a newer or unknown version is refused, not guessed at. */
export function migrate(
    root: ConfigRoot,
    input: unknown,
    current: number = CURRENT_VERSION[root],
    migrations: Readonly<Record<number, Migration>> = MIGRATIONS[root]
): Parsed<Record<string, unknown>> {
    const issue = (path: PathSegment[], message: string): Parsed<Record<string, unknown>> => ({
        ok: false,
        issues: [{ path: configPath([root, ...path]), message }],
    })
    if (!isRecord(input)) return issue([], `expected an object, not ${describe(input)}`)
    const version = input.version
    if (version === undefined) return issue(['version'], 'is missing')
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        return issue(['version'], `expected a version number, not ${describe(version)}`)
    }
    if (version > current) {
        return issue(
            ['version'],
            `version ${version} was saved by a newer OpenSRP Connector; this one reads up to version ${current}. Update the app (and the CLI) first.`
        )
    }
    let value = input
    for (let from = version; from < current; from++) {
        const step = migrations[from]
        if (!step) return issue(['version'], `no upgrade from version ${from} to ${from + 1}`)
        value = { ...step(value), version: from + 1 }
    }
    return version === current ? { ok: true, value } : { ok: true, value, migratedFrom: version }
}

function describe(value: unknown): string {
    if (value === null) return 'null'
    if (Array.isArray(value)) return 'a list'
    if (typeof value === 'object') return 'an object'
    const text = JSON.stringify(value) ?? String(value)
    return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

const EXPECTED: Readonly<Record<string, string>> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    record: 'an object',
}

/** Messages for the issues the schemas do not word themselves. */
const plainMessages: z.core.$ZodErrorMap = (issue) => {
    switch (issue.code) {
        case 'invalid_type':
            if (issue.input === undefined) return 'is missing'
            return `expected ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`
        case 'invalid_value':
            return issue.values.length === 1
                ? `expected ${describe(issue.values[0])}, not ${describe(issue.input)}`
                : `expected one of ${issue.values.map(describe).join(', ')}, not ${describe(issue.input)}`
        case 'unrecognized_keys':
            return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `'${k}'`).join(', ')} (misspelt?)`
        case 'too_small':
            return issue.origin === 'array'
                ? `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`
                : `must be at least ${issue.minimum}`
        case 'too_big':
            return `must be at most ${issue.maximum}`
        default:
            return undefined
    }
}

function issuesOf(root: ConfigRoot, error: z.ZodError): ConfigIssue[] {
    return error.issues.map((issue) => ({
        path: configPath([
            root,
            ...issue.path.map((segment) =>
                typeof segment === 'symbol' ? String(segment) : segment
            ),
        ]),
        message: issue.message,
    }))
}

export function parseSettings(input: unknown): Parsed<ConnectorSettings> {
    const migrated = migrate('settings', input)
    if (!migrated.ok) return migrated
    const result = settingsSchema.safeParse(migrated.value, { error: plainMessages })
    if (!result.success) return { ok: false, issues: issuesOf('settings', result.error) }
    return withMigration(result.data, migrated.migratedFrom)
}

/** Valid mappings are also consistent: antigens, vaccine codes and the ID attribute agree. */
export function parseMappings(input: unknown): Parsed<Mappings> {
    const migrated = migrate('mappings', input)
    if (!migrated.ok) return migrated
    const result = mappingsSchema.safeParse(migrated.value, { error: plainMessages })
    if (!result.success) return { ok: false, issues: issuesOf('mappings', result.error) }
    const errors = checkMappingConsistency(result.data).filter((p) => p.severity === 'error')
    if (errors.length > 0) {
        return { ok: false, issues: errors.map(({ path, message }) => ({ path, message })) }
    }
    return withMigration(result.data, migrated.migratedFrom)
}

function withMigration<T>(value: T, migratedFrom: number | undefined): Parsed<T> {
    return migratedFrom === undefined ? { ok: true, value } : { ok: true, value, migratedFrom }
}
