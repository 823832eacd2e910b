import { pushMonthlyCounts, type AggregateCounts } from './aggregatePush'
import type { BasicCredentials } from './http'
import { readOrgUnitTable } from './orgUnits'
import { pushClientsToDhis2, type TrackCaptureCounts } from './trackCapture'

/**
 * A faithful reimplementation of the seed connector (shared/seed/, reference opensrp-api.md §6)
 * for the benchmark: the tracker job (two sequential POSTs per client) and the monthly aggregate
 * job (one dataValueSet per month), with the seed's defects that would make DHIS2 refuse the data
 * fixed (org units, dates, codes), and nothing else made faster.
 */

export type SeedPhase = 'setup' | 'tracker' | 'aggregate'

export interface SeedRunOptions {
    dhis2Url: string
    opensrpUrl: string
    /** Basic credentials, as the seed's `dhis2.username` / `dhis2.password`. */
    dhis2Credentials?: BasicCredentials
    /** Send only the first N clients (the benchmark extrapolates from them). */
    clientLimit?: number
    /** Called as each phase begins, so the harness can measure phases apart. */
    onPhase?: (phase: SeedPhase) => Promise<void> | void
}

export interface SeedRunResult {
    tracker: TrackCaptureCounts
    aggregate: AggregateCounts
}

export const DHIS2_ADMIN: BasicCredentials = { username: 'admin', password: 'district' }

export async function runSeedSync(options: SeedRunOptions): Promise<SeedRunResult> {
    const credentials = options.dhis2Credentials ?? DHIS2_ADMIN
    await options.onPhase?.('setup')
    const orgUnits = await readOrgUnitTable(options.dhis2Url, credentials)
    await options.onPhase?.('tracker')
    const tracker = await pushClientsToDhis2({
        dhis2Url: options.dhis2Url,
        opensrpUrl: options.opensrpUrl,
        credentials,
        orgUnits,
        ...(options.clientLimit !== undefined ? { clientLimit: options.clientLimit } : {}),
    })
    await options.onPhase?.('aggregate')
    const aggregate = await pushMonthlyCounts({
        dhis2Url: options.dhis2Url,
        opensrpUrl: options.opensrpUrl,
        credentials,
        orgUnits,
    })
    return { tracker, aggregate }
}
