import type { JsonObject } from '../json'
import { hash32, Rng } from '../prng'
import { dateTime, dhakaEpoch, serverTime } from './dates'
import { birthObs, doseObs } from './eventObs'
import {
    childEntityId,
    childZeir,
    duplicateEntityId,
    duplicateZeir,
    eventDocId,
    formSubmissionIdOf,
    motherEntityId,
} from './identifiers'
import { eventVersion } from './layout'
import { malform } from './malform'
import { ANCHOR_DAY, type ChildPlan, type PlannedEvent } from './plan'
import { deviceOf, facilityAt, receiptSecond, Stream, type RecordContext } from './profiles'

/** Event JSON (reference §4, §5; shapes as in the fixtures) for one planned event. */

export function eventRecord(
    ctx: RecordContext,
    plan: ChildPlan,
    planned: PlannedEvent
): JsonObject {
    const i = plan.index
    const device = deviceOf(ctx, i)
    const rng = new Rng(hash32(ctx.seed, i, planned.slot, Stream.Event))
    const facility = facilityAt(ctx, planned.facility)
    const baseEntityId =
        planned.entity === 'child'
            ? childEntityId(ctx, i)
            : planned.entity === 'mother'
              ? motherEntityId(ctx, i)
              : duplicateEntityId(ctx, i)
    const zeir =
        planned.entity === 'mother'
            ? `${childZeir(i)}_mother`
            : planned.entity === 'duplicate'
              ? duplicateZeir(i)
              : childZeir(i)
    const dose = planned.dose
    const day = dose?.day ?? plan.registeredDay
    const second =
        device.dateStyle === 'offset' && rng.chance(0.25) ? rng.between(8 * 3600, 17 * 3600) : 0
    const ms = second === 0 ? 0 : rng.int(1000)
    const eventDate = dateTime(day, second, ms, device.dateStyle)
    const deviceMs = dhakaEpoch(day, second || rng.between(9 * 3600, 17 * 3600), rng.int(1000))
    const receiptDay = Math.min(ANCHOR_DAY, day + rng.delayDays(3))
    const created = serverTime(receiptDay, receiptSecond(rng), rng.int(1000))
    const away = plan.events.find((e) => e.kind === 'oa-device')?.facility ?? planned.facility

    const record: JsonObject = {
        _id: eventDocId(ctx, i, planned.idSlot),
        _rev: planned.kind === 'edited' || planned.kind === 'void' ? 'v2' : 'v1',
        type: 'Event',
        eventType: planned.eventType,
        entityType:
            planned.kind === 'birth' || planned.kind === 'duplicate-birth'
                ? 'child'
                : 'vaccination',
        baseEntityId,
        eventDate,
        locationId: facility.locationId,
        providerId: facility.providerId,
        team: facility.team,
        teamId: facility.teamId,
        formSubmissionId: formSubmissionIdOf(ctx, i, planned.idSlot),
        identifiers: planned.kind === 'oa-device' ? { ZEIR_ID: zeir } : {},
    }

    if (planned.kind === 'void') {
        const voidDay = Math.min(ANCHOR_DAY, day + rng.between(1, 10))
        const voidedAt = serverTime(voidDay, rng.between(8 * 3600, 17 * 3600), rng.int(1000))
        delete record.team
        delete record.teamId
        return {
            ...record,
            eventDate: voidedAt,
            obs: [],
            voided: true,
            voider: { username: facility.providerId },
            voidReason: 'Edited Event',
            dateVoided: voidedAt,
            version: deviceMs,
            clientApplicationVersion: device.appVersion,
            clientDatabaseVersion: device.dbVersion,
            dateEdited: serverTime(voidDay, 18 * 3600 + rng.int(3600), rng.int(1000)),
            serverVersion: eventVersion(i, planned.slot),
        }
    }

    if (planned.kind === 'birth' || planned.kind === 'duplicate-birth') {
        record.obs = birthObs(ctx, plan, rng, device)
    } else if (dose) {
        record.details =
            planned.kind === 'oa-home'
                ? { out_of_catchment_provider_id: facilityAt(ctx, away).providerId }
                : { program_client_id: zeir }
        record.duration = 0
        record.obs = doseObs(dose)
    }
    record.version = deviceMs
    if (planned.kind !== 'oa-home') {
        record.clientApplicationVersion = device.appVersion
        record.clientDatabaseVersion = device.dbVersion
    }
    record.dateCreated = created
    record.serverVersion = eventVersion(i, planned.slot)
    if (planned.kind === 'edited') {
        const editDay = Math.min(ANCHOR_DAY, receiptDay + rng.between(1, 30))
        record.dateEdited = serverTime(editDay, receiptSecond(rng), rng.int(1000))
    }
    if (planned.malformed) malform(record, planned.malformed)
    return record
}
