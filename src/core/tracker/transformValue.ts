import type { ValueTransform } from '../config/types'
import { localDateOf } from '../dates'

export type TransformResult =
    | { ok: true; value: string | undefined }
    | { ok: false; code: 'OSRP_BAD_DATE' | 'OSRP_UNKNOWN_OPTION'; problem: string }

const OPTION_VALUE_SHOWN = 40

/**
 * Applies a mapping's transforms in order. A value that becomes blank stops the chain and is
 * reported as absent: DHIS2 must never receive "" for an attribute (the seed connector did).
 */
export function transformValue(
    value: string | undefined,
    transforms: readonly ValueTransform[],
    timeZone: string
): TransformResult {
    let current = value
    for (const transform of transforms) {
        if (current === undefined || current.trim() === '') return { ok: true, value: undefined }
        switch (transform.type) {
            case 'trim':
                current = current.trim()
                break
            case 'placeholder': {
                const text = current.trim()
                if (transform.values.some((placeholder) => placeholder.trim() === text))
                    current = undefined
                break
            }
            case 'date': {
                const date = localDateOf(current.trim(), timeZone)
                if (date === undefined)
                    return { ok: false, code: 'OSRP_BAD_DATE', problem: 'is not a valid date' }
                current = date
                break
            }
            case 'optionMap': {
                const wanted = current.trim().toLowerCase()
                const key = Object.keys(transform.map).find(
                    (k) => k.trim().toLowerCase() === wanted
                )
                const code = key === undefined ? undefined : transform.map[key]
                if (code === undefined) {
                    // Option-mapped values are categories (Male, Female …), so showing one is safe
                    // and tells the admin what to add to the map.
                    return {
                        ok: false,
                        code: 'OSRP_UNKNOWN_OPTION',
                        problem: `"${current.trim().slice(0, OPTION_VALUE_SHOWN)}" has no option code in the mapping`,
                    }
                }
                current = code
                break
            }
        }
    }
    return { ok: true, value: current === undefined || current.trim() === '' ? undefined : current }
}
