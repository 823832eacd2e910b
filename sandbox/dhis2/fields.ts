/**
 * DHIS2's `fields` parameter for the shell's own objects: `a,b[c,d],*`, `:all`, `!a`. Presets such as
 * `:owner` are treated as `*`. Nested lists apply to arrays of objects element-wise.
 */
export interface FieldSpec {
    all: boolean
    include: Map<string, FieldSpec | undefined>
    exclude: Set<string>
}

function splitTopLevel(text: string): string[] {
    const parts: string[] = []
    let depth = 0
    let current = ''
    for (const char of text) {
        if (char === '[' || char === '(') depth++
        if (char === ']' || char === ')') depth--
        if (char === ',' && depth === 0) {
            parts.push(current)
            current = ''
        } else current += char
    }
    parts.push(current)
    return parts.map((p) => p.trim()).filter((p) => p !== '')
}

export function parseFields(text: string | null | undefined): FieldSpec {
    const spec: FieldSpec = { all: false, include: new Map(), exclude: new Set() }
    if (text === null || text === undefined || text.trim() === '') {
        spec.all = true
        return spec
    }
    for (const part of splitTopLevel(text)) {
        if (part === '*' || part.startsWith(':')) spec.all = true
        else if (part.startsWith('!')) spec.exclude.add(part.slice(1))
        else {
            const bracket = part.search(/[[(]/)
            if (bracket < 0) spec.include.set(part, undefined)
            else {
                const name = part.slice(0, bracket)
                spec.include.set(name, parseFields(part.slice(bracket + 1, -1)))
            }
        }
    }
    return spec
}

function applySpec(value: unknown, spec: FieldSpec): unknown {
    if (Array.isArray(value)) return value.map((item) => applySpec(item, spec))
    if (typeof value !== 'object' || value === null) return value
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
        if (spec.exclude.has(key)) continue
        const nested = spec.include.get(key)
        if (spec.include.has(key)) out[key] = nested ? applySpec(item, nested) : item
        else if (spec.all) out[key] = item
    }
    return out
}

export const filterFields = (value: unknown, fields: string | null | undefined): unknown =>
    applySpec(value, parseFields(fields))
