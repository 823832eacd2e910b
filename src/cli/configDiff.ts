/**
 * What an import would change, path by path (`settings.pageSize: 500 → 250`), for
 * `config import --dry-run` and for the report after a real import.
 */

export interface ConfigChange {
    path: string
    change: 'added' | 'removed' | 'changed'
    before?: unknown
    after?: unknown
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const join = (path: string, key: string | number) =>
    typeof key === 'number'
        ? `${path}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? path === ''
              ? key
              : `${path}.${key}`
          : `${path}["${key}"]`

/** Every leaf that differs; objects and arrays are walked, values compared as JSON. */
export function diffConfig(before: unknown, after: unknown, path = ''): ConfigChange[] {
    if (same(before, after)) return []
    if (before === undefined) return [{ path, change: 'added', after }]
    if (after === undefined) return [{ path, change: 'removed', before }]
    if (isRecord(before) && isRecord(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        return keys.flatMap((key) => diffConfig(before[key], after[key], join(path, key)))
    }
    if (Array.isArray(before) && Array.isArray(after)) {
        const length = Math.max(before.length, after.length)
        return Array.from({ length }, (_, i) =>
            diffConfig(before[i], after[i], join(path, i))
        ).flat()
    }
    return [{ path, change: 'changed', before, after }]
}

/** Paths whose values are shown only as changed (the UID salt is printed in no log). */
const HIDDEN = new Set(['settings.uidSalt'])

function shown(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value)
    return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** One line per change, at most `limit`, then how many more. */
export function describeChanges(changes: ConfigChange[], limit = 100): string[] {
    const lines = changes.slice(0, limit).map(({ path, change, before, after }) => {
        if (HIDDEN.has(path)) return `  ${path}: ${change} (value not shown)`
        if (change === 'added') return `  + ${path}: ${shown(after)}`
        if (change === 'removed') return `  - ${path}: ${shown(before)}`
        return `  ~ ${path}: ${shown(before)} → ${shown(after)}`
    })
    if (changes.length > limit) lines.push(`  … and ${changes.length - limit} more changes`)
    return lines
}
