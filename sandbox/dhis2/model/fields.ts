import { JsonRecord, isRecord } from './json'

/** A parsed `fields` parameter: `id,code,dataSetElements[dataElement[id,code]],!href`. */
export interface FieldSpec {
    all: boolean
    fields: Array<{ name: string; children?: FieldSpec; size?: boolean }>
    excluded: Set<string>
}

const PRESETS: Readonly<Record<string, string[]>> = {
    ':identifiable': ['id', 'name', 'code', 'created', 'lastUpdated', 'href'],
    ':nameable': ['id', 'name', 'shortName', 'code', 'description', 'created', 'lastUpdated'],
}

export function parseFields(text: string): FieldSpec {
    const [spec] = parseLevel(text.replace(/\s+/g, ''), 0)
    return spec
}

function emptySpec(): FieldSpec {
    return { all: false, fields: [], excluded: new Set() }
}

function addField(spec: FieldSpec, token: string, children?: FieldSpec): void {
    const [name = '', ...transformers] = token.split(/::|~/)
    if (!name) return
    // `children::size` (or `~size`): the collection's size, a text's length (SizeFieldTransformer).
    if (transformers.some((t) => t.toLowerCase() === 'size') && !children) {
        spec.fields.push({ name, size: true })
        return
    }
    if (name === '*' || name === ':all' || name === ':owner') spec.all = true
    else if (name.startsWith('!')) spec.excluded.add(name.slice(1))
    else if (PRESETS[name])
        for (const field of PRESETS[name] ?? []) spec.fields.push({ name: field })
    else {
        const existing = spec.fields.find((f) => f.name === name)
        if (existing && children) existing.children = children
        else if (!existing) spec.fields.push(children ? { name, children } : { name })
    }
}

function parseLevel(text: string, start: number): [FieldSpec, number] {
    const spec = emptySpec()
    let token = ''
    let i = start
    while (i < text.length) {
        const ch = text.charAt(i)
        if (ch === '[' || ch === '(') {
            const [children, end] = parseLevel(text, i + 1)
            addField(spec, token, children)
            token = ''
            i = end + 1
            continue
        }
        if (ch === ']' || ch === ')') {
            addField(spec, token)
            return [spec, i]
        }
        if (ch === ',') {
            addField(spec, token)
            token = ''
        } else token += ch
        i++
    }
    addField(spec, token)
    return [spec, i]
}

/** Turns a reference item (`{id}`) met under `property` into the full object, when known. */
export type Resolve = (property: string, item: JsonRecord) => JsonRecord

export function applyFields(object: JsonRecord, spec: FieldSpec, resolve: Resolve): JsonRecord {
    const out: JsonRecord = {}
    if (spec.all) {
        for (const [key, value] of Object.entries(object)) {
            if (!spec.excluded.has(key) && value !== undefined) out[key] = value
        }
    }
    for (const field of spec.fields) {
        if (spec.excluded.has(field.name)) continue
        const value = object[field.name]
        if (value === undefined || value === null) continue
        if (field.size) {
            out[field.name] = sizeOf(value)
            continue
        }
        out[field.name] = field.children
            ? project(field.name, value, field.children, resolve)
            : value
    }
    return out
}

function sizeOf(value: unknown): unknown {
    if (Array.isArray(value)) return value.length
    if (typeof value === 'string') return value.length
    return value
}

function project(name: string, value: unknown, spec: FieldSpec, resolve: Resolve): unknown {
    if (Array.isArray(value)) {
        return value.map((item) =>
            isRecord(item) ? applyFields(resolve(name, item), spec, resolve) : item
        )
    }
    return isRecord(value) ? applyFields(resolve(name, value), spec, resolve) : value
}
