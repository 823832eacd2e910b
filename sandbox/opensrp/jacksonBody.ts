import { javaParse, javaTrim, type JavaType } from './javaNumbers'

/**
 * A `@RequestBody` bean as Spring's Jackson converter binds it (jackson-databind 2.12 defaults as
 * Spring's Jackson2ObjectMapperBuilder sets them: unknown properties ignored, scalar coercion on,
 * ACCEPT_FLOAT_AS_INT on, single values not wrapped into lists). Each field is read from the raw
 * JSON text of its member, so `5.0` stays "5.0" for a String field, as Jackson's `getText` gives.
 */

export type Coerced<T> = { ok: true; value: T } | { ok: false }

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value })
const failed = { ok: false } as const

/** The raw text of each top-level member; undefined when the body is not a JSON object. */
export function readObject(raw: Buffer): Map<string, string> | undefined {
    const text = raw.toString('utf8')
    let parsed: unknown
    try {
        parsed = JSON.parse(text)
    } catch {
        return undefined
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
    return scanMembers(text)
}

/** Members of a valid JSON object text, later duplicates replacing earlier ones (as Jackson). */
function scanMembers(text: string): Map<string, string> {
    const members = new Map<string, string>()
    let i = skipSpace(text, text.indexOf('{') + 1)
    while (text[i] !== '}') {
        const keyEnd = skipValue(text, i)
        const key = String(JSON.parse(text.slice(i, keyEnd)))
        const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1)
        const valueEnd = skipValue(text, valueStart)
        members.set(key, text.slice(valueStart, valueEnd))
        i = skipSpace(text, valueEnd)
        if (text[i] === ',') i = skipSpace(text, i + 1)
    }
    return members
}

const skipSpace = (text: string, i: number): number => {
    while (i < text.length && ' \t\r\n'.includes(text[i] ?? '')) i += 1
    return i
}

function skipValue(text: string, start: number): number {
    let depth = 0
    let inString = false
    for (let i = start; i < text.length; i += 1) {
        const ch = text[i]
        if (inString) {
            if (ch === '\\') i += 1
            else if (ch === '"') {
                inString = false
                if (depth === 0) return i + 1
            }
        } else if (ch === '"') inString = true
        else if (ch === '{' || ch === '[') depth += 1
        else if (ch === '}' || ch === ']') {
            if (depth === 0) return i
            depth -= 1
            if (depth === 0) return i + 1
        } else if (depth === 0 && (ch === ',' || ' \t\r\n'.includes(ch ?? ''))) return i
    }
    return text.length
}

type Token =
    | { kind: 'string'; value: string }
    | { kind: 'int' | 'float'; text: string }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'null' | 'structure' }

function token(raw: string): Token {
    const first = raw[0]
    if (first === '"') return { kind: 'string', value: String(JSON.parse(raw)) }
    if (first === 'n') return { kind: 'null' }
    if (first === 't' || first === 'f') return { kind: 'boolean', value: first === 't' }
    if (first === '{' || first === '[') return { kind: 'structure' }
    return { kind: /^-?\d+$/.test(raw) ? 'int' : 'float', text: raw }
}

const RANGE: Record<JavaType, [number, number]> = {
    long: [-(2 ** 63), 2 ** 63 - 1],
    int: [-(2 ** 31), 2 ** 31 - 1],
}

/** A JSON number into `int`/`long`: integers must fit, floats are truncated (ACCEPT_FLOAT_AS_INT). */
function fromNumber(kind: 'int' | 'float', text: string, type: JavaType): Coerced<number> {
    if (kind === 'int') {
        const value = javaParse(text, type)
        return value === undefined ? failed : ok(Number(value))
    }
    const value = Number(text)
    const [min, max] = RANGE[type]
    return value < min || value > max || Number.isNaN(value) ? failed : ok(Math.trunc(value))
}

/**
 * A String number into `int`/`long`: "" and blank give null, "null" too; the rest is trimmed
 * (`String.trim`) and read as `Integer.parseInt`/`Long.parseLong` would.
 */
function fromText(text: string, type: JavaType): Coerced<number | undefined> {
    const trimmed = javaTrim(text)
    if (trimmed === '' || trimmed === 'null') return ok(undefined)
    const value = javaParse(trimmed, type)
    return value === undefined ? failed : ok(Number(value))
}

/** A `String` field: numbers and booleans become their text; objects and arrays fail. */
export function asString(raw: string | undefined): Coerced<string | undefined> {
    if (raw === undefined) return ok(undefined)
    const t = token(raw)
    switch (t.kind) {
        case 'string':
            return ok(t.value)
        case 'int':
        case 'float':
            return ok(t.text)
        case 'boolean':
            return ok(String(t.value))
        case 'null':
            return ok(undefined)
        default:
            return failed
    }
}

/** A number field: `Integer` (null stays null) or a primitive `long` (null reads as 0). */
export function asNumber(
    raw: string | undefined,
    type: 'Integer' | 'long'
): Coerced<number | undefined> {
    const empty = type === 'long' ? 0 : undefined
    if (raw === undefined) return ok(empty)
    const t = token(raw)
    const javaType: JavaType = type === 'long' ? 'long' : 'int'
    switch (t.kind) {
        case 'int':
        case 'float':
            return fromNumber(t.kind, t.text, javaType)
        case 'string': {
            const read = fromText(t.value, javaType)
            return read.ok ? ok(read.value ?? empty) : read
        }
        case 'null':
            return ok(empty)
        default:
            return failed
    }
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** A primitive `boolean`: integers are `!= 0` (by their text), strings must spell true/false. */
export function asBoolean(raw: string | undefined): Coerced<boolean> {
    if (raw === undefined) return ok(false)
    const t = token(raw)
    switch (t.kind) {
        case 'boolean':
            return ok(t.value)
        case 'null':
            return ok(false)
        case 'int':
            return ok(t.text !== '0')
        case 'string': {
            const text = javaTrim(t.value)
            if (TRUE.includes(text)) return ok(true)
            return FALSE.includes(text) || text === '' || text === 'null' ? ok(false) : failed
        }
        default:
            return failed
    }
}
