import { JsonRecord, isRecord } from '../json'

/** One RFC 6902 operation as DHIS2's `JsonPatch` reads it. */
export interface JsonPatchOperation {
    op: 'add' | 'remove' | 'replace'
    path: string
    value?: unknown
}

const OPS: readonly JsonPatchOperation['op'][] = ['add', 'remove', 'replace']

export function parseJsonPatch(body: unknown): JsonPatchOperation[] | undefined {
    if (!Array.isArray(body)) return undefined
    const operations: JsonPatchOperation[] = []
    for (const raw of body) {
        if (!isRecord(raw) || typeof raw.path !== 'string' || !raw.path.startsWith('/'))
            return undefined
        const op = OPS.find((o) => o === raw.op)
        if (!op) return undefined
        operations.push({ op, path: raw.path, value: raw.value })
    }
    return operations
}

const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~')

/** Applies `add`, `remove` and `replace` in order; undefined when a path does not resolve. */
export function applyJsonPatch(
    target: JsonRecord,
    operations: readonly JsonPatchOperation[]
): JsonRecord | undefined {
    for (const operation of operations) {
        const segments = operation.path.split('/').slice(1).map(unescape)
        const last = segments.pop()
        if (last === undefined) return undefined
        let parent: unknown = target
        for (const segment of segments) {
            parent = Array.isArray(parent)
                ? parent[Number(segment)]
                : isRecord(parent)
                  ? parent[segment]
                  : undefined
        }
        if (Array.isArray(parent)) {
            const index = last === '-' ? parent.length : Number(last)
            if (!Number.isInteger(index) || index < 0 || index > parent.length) return undefined
            if (operation.op === 'add') parent.splice(index, 0, operation.value)
            else if (operation.op === 'remove') parent.splice(index, 1)
            else parent[index] = operation.value
        } else if (isRecord(parent)) {
            if (operation.op === 'remove') delete parent[last]
            else parent[last] = operation.value
        } else {
            return undefined
        }
    }
    return target
}
