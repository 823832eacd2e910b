/** What an error code means and what to do about it, in plain words (English; shown through d2-i18n). */
export interface Explanation {
    title: string
    action: string
}

export type ExplanationTable = Readonly<Record<string, Explanation>>

export const ASK_ADMIN_SHARING =
    'Ask a DHIS2 administrator to give the importing user data write sharing for it, then run the import again.'
export const FIX_MAPPING =
    'An administrator should correct the connector mapping (Settings → Mappings), then run the import again.'
export const RUN_AGAIN = 'Nothing to fix here: the next import run sends it again.'
export const FIX_IN_OPENSRP =
    'Correct the record in OpenSRP (or ask the health worker who entered it); the next run picks up the change.'
