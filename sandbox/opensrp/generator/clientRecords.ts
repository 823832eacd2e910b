import { encodeUuid, IdKind } from '../ids'
import type { JsonObject } from '../json'
import { hash32, Rng } from '../prng'
import { dateTime, isoDay, serverTime } from './dates'
import {
    childEntityId,
    childZeir,
    duplicateEntityId,
    duplicateZeir,
    motherEntityId,
} from './identifiers'
import { ClientSlot, clientVersion, CLIENT_SLOTS } from './layout'
import { ANCHOR_DAY, type ChildPlan } from './plan'
import {
    address,
    childProfile,
    deviceOf,
    facilityAt,
    motherProfile,
    receiptSecond,
    Stream,
    type RecordContext,
} from './profiles'

/** Client JSON (reference §4, shapes as in the fixtures): the child, her duplicate, the mother. */

function birthdateText(day: number, style: number): string {
    if (style < 0.8) return dateTime(day, 0, 0, 'offset')
    if (style < 0.9) return dateTime(day, 6 * 3600, 0, 'no-offset')
    return dateTime(day, 0, 0, 'zulu')
}

export function childClient(ctx: RecordContext, plan: ChildPlan, slot: ClientSlot): JsonObject {
    const i = plan.index
    const device = deviceOf(ctx, i)
    const facility = facilityAt(ctx, plan.home)
    const profile = childProfile(ctx, plan)
    const rng = profile.rng
    const duplicate = slot === ClientSlot.Duplicate
    const edited = slot === ClientSlot.EditedChild
    const created = serverTime(plan.registeredDay, receiptSecond(rng), rng.int(1000))
    const client: JsonObject = {
        _id: encodeUuid(
            ctx.seed,
            IdKind.ClientDoc,
            i * CLIENT_SLOTS + (duplicate ? slot : ClientSlot.Child)
        ),
        _rev: duplicate || edited ? 'v2' : 'v1',
        type: 'Client',
        baseEntityId: duplicate ? duplicateEntityId(ctx, i) : childEntityId(ctx, i),
        firstName: duplicate ? profile.firstName.replace(/^Md\. /, '') : profile.firstName,
        lastName: duplicate
            ? profile.lastName.replace('Hossain', 'Hosen').replace('Rahman', 'Rahaman')
            : profile.lastName,
    }
    if (profile.gender) client.gender = profile.gender
    Object.assign(client, {
        birthdate: birthdateText(plan.birthDay, rng.next()),
        birthdateApprox: false,
        deathdateApprox: false,
        identifiers: duplicate
            ? { ZEIR_ID: duplicateZeir(i) }
            : { ZEIR_ID: childZeir(i), OPENMRS_UUID: encodeUuid(ctx.seed, IdKind.OpenMrsUuid, i) },
        addresses: [address(facility, device.oldAddress)],
        attributes:
            profile.birthCertificate && !duplicate
                ? { Child_Birth_Certificate: profile.birthCertificate }
                : {},
        relationships: { mother: [motherEntityId(ctx, plan.motherOwner)] },
        locationId: facility.locationId,
        teamId: facility.teamId,
        dateCreated: created,
    })
    const laterDay = Math.min(ANCHOR_DAY, plan.registeredDay + rng.between(2, 60))
    if (edited || duplicate)
        client.dateEdited = serverTime(laterDay, receiptSecond(rng), rng.int(1000))
    if (duplicate) {
        client.voided = true
        client.dateVoided = client.dateEdited ?? created
        client.voidReason = `Duplicate registration of ZEIR_ID ${childZeir(i)}`
    }
    client.serverVersion = clientVersion(i, slot)
    client.clientApplicationVersion = device.appVersion
    client.clientDatabaseVersion = device.dbVersion
    return client
}

export function motherClient(ctx: RecordContext, plan: ChildPlan): JsonObject {
    const i = plan.index
    const device = deviceOf(ctx, i)
    const profile = motherProfile(ctx, i)
    const rng = new Rng(hash32(ctx.seed, i, Stream.Mother, 2))
    const ageYears = rng.between(18, 38)
    const approx = rng.chance(0.2)
    const birthYear = Number(isoDay(plan.birthDay).slice(0, 4)) - ageYears
    const birthDay = approx
        ? Date.UTC(birthYear, 0, 1) / 86400000
        : plan.birthDay - ageYears * 365 - rng.int(365)
    const nid = String(rng.int(1e10)).padStart(10, '0')
    return {
        _id: encodeUuid(ctx.seed, IdKind.ClientDoc, i * CLIENT_SLOTS + ClientSlot.Mother),
        _rev: 'v1',
        type: 'Client',
        baseEntityId: motherEntityId(ctx, i),
        firstName: profile.firstName,
        lastName: profile.lastName,
        gender: 'Female',
        birthdate: dateTime(birthDay, 0, 0, 'offset'),
        birthdateApprox: approx,
        deathdateApprox: false,
        identifiers: { M_ZEIR_ID: `${childZeir(i)}_mother` },
        addresses: [address(facilityAt(ctx, plan.home), device.oldAddress)],
        attributes: {
            idtype: 'NID',
            nationalId: nid,
            phoneNumber: profile.phone,
            spouseName: profile.husband,
        },
        dateCreated: serverTime(plan.registeredDay, receiptSecond(rng), rng.int(1000)),
        serverVersion: clientVersion(i, ClientSlot.Mother),
        clientApplicationVersion: device.appVersion,
        clientDatabaseVersion: device.dbVersion,
    }
}
