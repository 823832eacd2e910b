import { z } from 'zod'
import { DHIS2_UID_PATTERN } from '../../core/uid'

/** Building blocks of the configuration schemas, with the messages an admin reads. */

export const shown = (input: unknown) => {
    const json = JSON.stringify(input) ?? String(input)
    return json.length > 40 ? `${json.slice(0, 40)}…` : json
}

export const uid = z.string({ error: 'expected a DHIS2 UID' }).regex(DHIS2_UID_PATTERN, {
    error: (issue) =>
        `expected a DHIS2 UID (11 letters and digits, starting with a letter), not ${shown(issue.input)}`,
})

export const text = z.string().trim().min(1, { error: 'must not be empty' })

export const wholeNumber = (min: number, max: number) =>
    z
        .number()
        .int({ error: 'must be a whole number' })
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` })

/** The first member of a discriminated union names what the object is; say which ones exist. */
export const oneOf = (key: string, values: readonly string[]) => ({
    error: `'${key}' must be one of: ${values.join(', ')}`,
})
