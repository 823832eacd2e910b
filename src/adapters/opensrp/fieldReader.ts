import { isOpenSrpDateTime } from '../../core/dates'

/**
 * Reading the fields of an OpenSRP record as the zod schemas (schemas.ts) check them, for
 * plainRecords.ts. Anything the schema would refuse clears `ok`; so does anything JSON.parse
 * cannot make (a non-plain object, a key present with undefined), which is left to the schema.
 */

export type Plain = Record<string, unknown>

/** An object as JSON.parse builds it; anything else is left to the schema. */
export function isPlain(value: unknown): value is Plain {
    return (
        typeof value === 'object' &&
        value !== null &&
        Object.getPrototypeOf(value) === Object.prototype
    )
}

export const isFiniteNumber = (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value)

/** Reads the fields of one object; any field the schema would refuse clears `ok`. */
export class FieldReader {
    ok = true

    constructor(private readonly object: Plain) {}

    private refuse(): undefined {
        this.ok = false
        return undefined
    }

    /** An optional field's value; a key present with undefined in it is refused (not JSON). */
    value(key: string): unknown {
        const value = this.object[key]
        if (value === undefined && key in this.object) this.refuse()
        return value
    }

    string(key: string): string | undefined {
        const value = this.value(key)
        return value === undefined || typeof value === 'string' ? value : this.refuse()
    }

    requiredString(key: string): string {
        const value = this.object[key]
        return typeof value === 'string' ? value : (this.refuse() ?? '')
    }

    /** nonEmptyId: the trimmed text, which must not be empty. */
    id(key: string): string {
        const text = this.requiredString(key).trim()
        if (text === '') this.refuse()
        return text
    }

    literal(key: string, expected: string): void {
        const value = this.value(key)
        if (value !== undefined && value !== expected) this.refuse()
    }

    boolean(key: string): boolean | undefined {
        const value = this.value(key)
        return value === undefined || typeof value === 'boolean' ? value : this.refuse()
    }

    number(key: string): number | undefined {
        const value = this.value(key)
        return value === undefined || isFiniteNumber(value) ? value : this.refuse()
    }

    dateTime(key: string): string | undefined {
        const text = this.string(key)
        return text === undefined || isOpenSrpDateTime(text) ? text : this.refuse()
    }

    requiredDateTime(key: string): string {
        const text = this.requiredString(key)
        if (!isOpenSrpDateTime(text)) this.refuse()
        return text
    }

    /** Jackson writes longs as numbers; a few exports quote them. */
    serverVersion(): number {
        const value = this.object['serverVersion']
        const n =
            typeof value === 'number'
                ? value
                : typeof value === 'string' && /^\d+$/.test(value)
                  ? Number(value)
                  : NaN
        if (!Number.isSafeInteger(n) || n < 0) this.refuse()
        return n
    }

    /** A record of values `accept` takes (returning undefined to refuse), copied. */
    map<T>(key: string, accept: (value: unknown) => T | undefined): Record<string, T> | undefined {
        const value = this.value(key)
        if (value === undefined) return undefined
        if (!isPlain(value)) return this.refuse()
        const copy: Record<string, T> = {}
        for (const entry of Reflect.ownKeys(value)) {
            // What the schema's record would skip or refuse is the schema's to judge.
            if (typeof entry !== 'string' || entry === '__proto__') return this.refuse()
            if (!Object.prototype.propertyIsEnumerable.call(value, entry)) return this.refuse()
            const accepted = accept(value[entry])
            if (accepted === undefined) return this.refuse()
            copy[entry] = accepted
        }
        return copy
    }

    /** An array of items `accept` takes (returning undefined to refuse), copied. */
    list<T>(key: string, accept: (value: unknown) => T | undefined): T[] | undefined {
        const value = this.value(key)
        if (value === undefined) return undefined
        return listOf(value, accept) ?? this.refuse()
    }
}

export function listOf<T>(
    value: unknown,
    accept: (value: unknown) => T | undefined
): T[] | undefined {
    if (!Array.isArray(value)) return undefined
    const copy: T[] = []
    for (let i = 0; i < value.length; i++) {
        const accepted = accept(value[i])
        if (accepted === undefined) return undefined
        copy.push(accepted)
    }
    return copy
}
