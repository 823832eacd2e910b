import { CONNECTOR_EXPLANATIONS } from './connectorExplanations'
import { DATA_VALUE_EXPLANATIONS } from './dataValueExplanations'
import type { Explanation } from './explanation'
import { TRACKER_EXPLANATIONS } from './trackerExplanations'

export type { Explanation } from './explanation'

const ALL: ReadonlyMap<string, Explanation> = new Map(
    Object.entries({
        ...TRACKER_EXPLANATIONS,
        ...DATA_VALUE_EXPLANATIONS,
        ...CONNECTOR_EXPLANATIONS,
    })
)

/**
 * What an error code means and what to do, in plain words for a facility nurse or an admin
 * (DESIGN §3.8). English here; the app translates at display. Unknown codes get a fallback that
 * still says what to do.
 */
export function explainCode(code: string): Explanation {
    return (
        ALL.get(code.trim().toUpperCase()) ?? {
            title: `DHIS2 or the connector reported a problem (${code}).`,
            action: 'Read the message shown with it; if it is unclear, send it to the connector’s administrator.',
        }
    )
}

/** Whether `code` has its own explanation (not the fallback). */
export const isExplained = (code: string): boolean => ALL.has(code.trim().toUpperCase())

/** Every code with its own explanation (for reference screens and tests). */
export const explainedCodes = (): string[] => [...ALL.keys()]
