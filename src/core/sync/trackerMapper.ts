import type { ConnectorSettings, Mappings, TrackerMapping } from '../config/types'
import type { OpenSrpClient } from '../domain/opensrp'
import type { OrgUnitResolver } from '../orgUnits/types'
import { buildClientPayload } from '../tracker/buildClientPayload'
import {
    buildVaccinationEvent,
    type VaccinationEventContext,
} from '../tracker/buildVaccinationEvent'
import { readValue } from '../tracker/readValue'
import { clientTrackedEntityUid } from '../tracker/rememberedUids'
import { eventUid } from '../uid'
import type { ClientPayload, Mapped, TrackerMapper } from './mappers'

/** The tracker mapping rules behind the pipeline's TrackerMapper seam. */
export function createTrackerMapper(options: {
    settings: ConnectorSettings
    mappings: Mappings & { tracker: TrackerMapping }
    resolver: OrgUnitResolver
    /** yyyy-MM-dd in the reporting time zone. */
    today: string
}): TrackerMapper & Required<Pick<TrackerMapper, 'trackedEntityUidOf'>> {
    const { settings, mappings, resolver, today } = options
    const mapping = mappings.tracker
    const lookups = {
        resolveOrgUnit: resolver.resolve,
        resolveFacilityName: resolver.resolveFacilityName,
    }
    const base = { salt: settings.uidSalt, timeZone: settings.timeZone, today, mapping, ...lookups }
    const idMapping = mapping.attributes.find((a) => a.attribute === mapping.idAttribute)
    // Only the client differs between events: one context per client, not one copy per event.
    const withoutClient: VaccinationEventContext = {
        ...base,
        antigens: mappings.antigens,
        outOfAreaKeep: mappings.outOfAreaKeep,
        client: undefined,
    }
    const contexts = new WeakMap<OpenSrpClient, VaccinationEventContext>()
    const vaccinationContextOf = (client: OpenSrpClient | undefined): VaccinationEventContext => {
        if (!client) return withoutClient
        let ctx = contexts.get(client)
        if (!ctx) {
            ctx = { ...withoutClient, client }
            contexts.set(client, ctx)
        }
        return ctx
    }

    return {
        trackedEntityType: mapping.trackedEntityType,
        idAttribute: mapping.idAttribute,
        eventUidOf: (eventKey) => eventUid(settings.uidSalt, eventKey),
        // The UID buildClientPayload gives the client's tracked entity.
        trackedEntityUidOf: (client) =>
            clientTrackedEntityUid(settings.uidSalt, client.baseEntityId),
        idAttributeValue(client) {
            if (!idMapping) return client.baseEntityId
            return readValue(client, idMapping.source, {})
        },
        mapClient(client): Mapped<ClientPayload> {
            const result = buildClientPayload(client, base)
            if (result.outcome === 'built') {
                const { trackedEntity, enrollments, relationships } = result
                return { ok: true, value: { trackedEntity, enrollments, relationships } }
            }
            if (result.outcome === 'skipped') return { ok: 'skip', reason: result.message }
            return { ok: false, errors: result.errors }
        },
        mapVaccination(event, client: OpenSrpClient | undefined) {
            const result = buildVaccinationEvent(event, vaccinationContextOf(client))
            if (result.outcome === 'built') return { ok: true, value: result.event }
            if (result.outcome === 'skipped') return { ok: 'skip', reason: result.message }
            return { ok: false, errors: result.errors }
        },
    }
}
