import { fingerprint } from './fingerprint'

/**
 * What a run covers. Locks and cursors are partitioned by org unit subtree (DESIGN §8): runs over
 * different subtrees go side by side, each with its own lock.
 */
export interface RunScope {
    streams: 'tracker' | 'aggregate' | 'both'
    /**
     * Roots of the org unit subtrees, as UIDs or as DHIS2 paths (`/ImspTQPwCqd/O6uvpzGd5pu`).
     * Absent or empty: the whole country. Give paths when you have them: only with paths can a
     * district run and a run over one of its facilities be seen to overlap.
     */
    orgUnits?: string[]
    /** DHIS2 periods (aggregate), e.g. `202401`; absent: whatever is due. */
    periods?: string[]
}

/** The partition key of the whole country. */
export const WHOLE_COUNTRY_SCOPE_KEY = 'all'

const PLAIN_ID = /^[A-Za-z0-9]{1,64}$/

/** Path segments of one scope entry: `/A/B/C` → [A, B, C]; a bare UID → [UID]. */
function segmentsOf(entry: string): string[] {
    return entry
        .split('/')
        .map((s) => s.trim())
        .filter((s) => s !== '')
}

/** The org unit UID a scope entry names (the last segment of a path). */
export function orgUnitIdOf(entry: string): string | undefined {
    return segmentsOf(entry).at(-1)
}

/** The distinct subtree roots of a scope, as UIDs, sorted; empty for the whole country. */
export function scopeRoots(scope: RunScope): string[] {
    const ids = (scope.orgUnits ?? []).map(orgUnitIdOf).filter((id) => id !== undefined)
    return [...new Set(ids)].sort()
}

/**
 * The scope's partition key: `all`, `ou-<UID>` for one subtree, `ous-<hash>` for several. Short,
 * stable (order and paths vs UIDs do not matter) and safe in a dataStore key.
 *
 * Streams and periods are left out on purpose: a tracker run and an aggregate run of one subtree
 * read the same OpenSRP events and share the local store's records, and 'both' overlaps either of
 * them, so one lock per subtree is the simplest rule that never lets overlapping work run at once.
 * The price is that a tracker sync waits for a monthly aggregate post of the same subtree.
 */
export function scopeKey(scope: RunScope): string {
    const roots = scopeRoots(scope)
    const [only] = roots
    if (only === undefined) return WHOLE_COUNTRY_SCOPE_KEY
    if (roots.length === 1 && PLAIN_ID.test(only)) return `ou-${only}`
    return `ous-${fingerprint(roots).slice(0, 12)}`
}

function entriesOverlap(a: string, b: string): boolean {
    const pathA = segmentsOf(a)
    const pathB = segmentsOf(b)
    const idA = pathA.at(-1)
    const idB = pathB.at(-1)
    if (idA === undefined || idB === undefined) return true
    // One root lies on the other's path: it is the same subtree or one holds the other.
    return idA === idB || pathA.includes(idB) || pathB.includes(idA)
}

/**
 * Whether two runs could touch the same org units. The whole country overlaps everything; two
 * subtrees overlap when one root is, or lies below, the other (known only from paths).
 */
export function scopesOverlap(a: RunScope, b: RunScope): boolean {
    const rootsA = (a.orgUnits ?? []).filter((e) => orgUnitIdOf(e) !== undefined)
    const rootsB = (b.orgUnits ?? []).filter((e) => orgUnitIdOf(e) !== undefined)
    if (rootsA.length === 0 || rootsB.length === 0) return true
    return rootsA.some((x) => rootsB.some((y) => entriesOverlap(x, y)))
}
