import { postJson, stringAt, type BasicCredentials } from './http'
import {
    enrollmentBody,
    kindOf,
    programOf,
    referenceOf,
    trackedEntityInstanceBody,
} from './legacyPayloads'
import { clientPages } from './openSrpPages'
import { homeOrgUnit, type OrgUnitTable } from './orgUnits'

/**
 * The seed's tracker job (DHIS2SyncerListener.pushToDHIS2 → trackCaptureDataSendToDHIS2): for
 * each client in turn, POST it to `trackedEntityInstances`, read the UID DHIS2 gave it, then POST
 * its enrollment. One request at a time, nothing batched, nothing looked up first.
 */

export interface TrackCaptureCounts {
    clientsRead: number
    trackedEntitiesCreated: number
    enrollmentsCreated: number
    /** Clients DHIS2 refused (or that had no org unit), with the reason of the first few. */
    failed: number
    noOrgUnit: number
    notEnrolled: number
    firstErrors: string[]
}

export interface TrackCaptureOptions {
    dhis2Url: string
    opensrpUrl: string
    credentials: BasicCredentials
    orgUnits: OrgUnitTable
    /** Stop after this many clients (the benchmark's sample); all when absent. */
    clientLimit?: number
}

const note = (counts: TrackCaptureCounts, message: string) => {
    counts.failed++
    if (counts.firstErrors.length < 5) counts.firstErrors.push(message)
}

async function sendClient(
    client: Record<string, unknown>,
    options: TrackCaptureOptions,
    counts: TrackCaptureCounts
): Promise<void> {
    const id = stringAt(client, 'baseEntityId') ?? '(no baseEntityId)'
    const orgUnit = homeOrgUnit(client, options.orgUnits)
    if (!orgUnit) {
        counts.noOrgUnit++
        note(counts, `${id}: no org unit for its location`)
        return
    }
    const tei = await postJson(
        `${options.dhis2Url}/api/trackedEntityInstances`,
        options.credentials,
        trackedEntityInstanceBody(client, orgUnit)
    )
    const reference = tei.status === 200 ? referenceOf(tei.body) : undefined
    if (!reference) return note(counts, `${id}: trackedEntityInstances answered ${tei.status}`)
    counts.trackedEntitiesCreated++
    const program = programOf(kindOf(client))
    if (!program) {
        counts.notEnrolled++
        return
    }
    const enrollment = await postJson(
        `${options.dhis2Url}/api/enrollments`,
        options.credentials,
        enrollmentBody(client, reference, program, orgUnit)
    )
    if (enrollment.status !== 200)
        return note(counts, `${id}: enrollments answered ${enrollment.status}`)
    counts.enrollmentsCreated++
}

export async function pushClientsToDhis2(
    options: TrackCaptureOptions
): Promise<TrackCaptureCounts> {
    const counts: TrackCaptureCounts = {
        clientsRead: 0,
        trackedEntitiesCreated: 0,
        enrollmentsCreated: 0,
        failed: 0,
        noOrgUnit: 0,
        notEnrolled: 0,
        firstErrors: [],
    }
    const limit = options.clientLimit ?? Number.POSITIVE_INFINITY
    for await (const page of clientPages(options.opensrpUrl)) {
        for (const client of page) {
            if (counts.clientsRead >= limit) return counts
            counts.clientsRead++
            await sendClient(client, options, counts)
        }
    }
    return counts
}
