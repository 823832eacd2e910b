import type { Facility } from '../geography'
import { encodeUuid, IdKind } from '../ids'
import type { JsonObject } from '../json'
import { hash32, Rng } from '../prng'
import { dateTime, type DateStyle, dhakaEpoch, isoDay, serverTime, toBanglaDigits } from './dates'
import { ClientSlot, clientVersion, CLIENT_SLOTS, EVENT_SLOTS, eventVersion } from './layout'
import * as names from './names'
import { ANCHOR_DAY, type ChildPlan, type PlanContext, type PlannedEvent } from './plan'
import { CONCEPT_DATE, CONCEPT_DOSE } from './schedule'

/** Turns plans into the raw JSON OpenSRP serves (reference §4, shapes as in the fixtures). */

export interface RecordContext extends PlanContext {
    facilityList: Facility[]
}

enum Stream {
    Child = 11,
    Mother,
    Event,
    Device,
}

const ZEIR_BASE = 1000000
const DUPLICATE_ZEIR_BASE = 5000000

function luhnDigit(digits: string): number {
    let sum = 0
    for (let k = 0; k < digits.length; k++) {
        let d = Number(digits[digits.length - 1 - k])
        if (k % 2 === 0) {
            d *= 2
            if (d > 9) d -= 9
        }
        sum += d
    }
    return (10 - (sum % 10)) % 10
}

const zeirOf = (n: number): string => `${n}-${luhnDigit(String(n))}`
export const childZeir = (i: number): string => zeirOf(ZEIR_BASE + i)
export const duplicateZeir = (i: number): string => zeirOf(DUPLICATE_ZEIR_BASE + i)

/** Child index (role 'child' or 'duplicate') for a ZEIR_ID, if it has the generated shape. */
export function parseZeir(value: string): { index: number; duplicate: boolean } | undefined {
    const match = /^(\d{7})-(\d)$/.exec(value)
    if (!match) return undefined
    const n = Number(match[1])
    if (luhnDigit(match[1] ?? '') !== Number(match[2])) return undefined
    if (n >= DUPLICATE_ZEIR_BASE) return { index: n - DUPLICATE_ZEIR_BASE, duplicate: true }
    return { index: n - ZEIR_BASE, duplicate: false }
}

export const childEntityId = (ctx: PlanContext, i: number): string =>
    encodeUuid(ctx.seed, IdKind.ChildEntity, i)
export const motherEntityId = (ctx: PlanContext, owner: number): string =>
    encodeUuid(ctx.seed, IdKind.MotherEntity, owner)
export const duplicateEntityId = (ctx: PlanContext, i: number): string =>
    encodeUuid(ctx.seed, IdKind.DuplicateEntity, i)
export const eventDocId = (ctx: PlanContext, i: number, slot: number): string =>
    encodeUuid(ctx.seed, IdKind.EventDoc, i * EVENT_SLOTS + slot)
export const formSubmissionIdOf = (ctx: PlanContext, i: number, slot: number): string =>
    encodeUuid(ctx.seed, IdKind.FormSubmission, i * EVENT_SLOTS + slot)

interface MotherProfile {
    firstName: string
    lastName: string
    husband: string
    phone: string
}

function motherProfile(ctx: PlanContext, owner: number): MotherProfile {
    const rng = new Rng(hash32(ctx.seed, owner, Stream.Mother))
    return {
        firstName: rng.pick(names.WOMAN_FIRST_NAMES),
        lastName: rng.pick(names.FEMALE_LAST_NAMES),
        husband: rng.pick(names.HUSBAND_NAMES),
        phone: `01${rng.pick(['7', '8', '9', '3', '5', '6'])}${String(rng.int(100000000)).padStart(8, '0')}`,
    }
}

/** The device (app build) that wrote a child's records decides date and address shapes. */
interface Device {
    dateStyle: DateStyle
    oldAddress: boolean
    appVersion: number
    dbVersion: number
    deviceId: string
}

function deviceOf(ctx: PlanContext, i: number): Device {
    const rng = new Rng(hash32(ctx.seed, i, Stream.Device))
    const r = rng.next()
    const old = r < 0.15
    return {
        dateStyle: r < 0.6 ? 'offset' : r < 0.8 ? 'no-offset' : r < 0.95 ? 'offset' : 'zulu',
        oldAddress: old,
        appVersion: old ? 19 : 27,
        dbVersion: old ? 11 : 14,
        deviceId: `35824005${String(rng.int(10000000)).padStart(7, '0')}`,
    }
}

function facilityAt(ctx: RecordContext, index: number): Facility {
    const facility = ctx.facilityList[index]
    if (!facility) throw new Error(`no facility ${index}`)
    return facility
}

function address(facility: Facility, old: boolean): JsonObject {
    const local = {
        address1: facility.union,
        address2: facility.ward,
        address3: facility.subBlock,
        address4: facility.name,
    }
    if (old) {
        return {
            addressType: 'usual_residence',
            addressFields: local,
            latitude: facility.latitude.toFixed(5),
            longitude: facility.longitude.toFixed(5),
            cityVillage: facility.upazila,
            countyDistrict: facility.district,
            stateProvince: facility.division,
            country: 'Bangladesh',
        }
    }
    return {
        preferred: true,
        addressType: 'usual_residence',
        country: 'Bangladesh',
        addressFields: {
            stateProvince: facility.division,
            countyDistrict: facility.district,
            cityVillage: facility.upazila,
            ...local,
        },
    }
}

function birthdateText(day: number, style: number): string {
    if (style < 0.8) return dateTime(day, 0, 0, 'offset')
    if (style < 0.9) return dateTime(day, 6 * 3600, 0, 'no-offset')
    return dateTime(day, 0, 0, 'zulu')
}

interface ChildProfile {
    firstName: string
    lastName: string
    gender?: 'Male' | 'Female'
    birthCertificate?: string
}

function childProfile(ctx: PlanContext, plan: ChildPlan): ChildProfile & { rng: Rng } {
    const rng = new Rng(hash32(ctx.seed, plan.index, Stream.Child))
    const male = rng.chance(0.51)
    const babyOf = rng.chance(0.06)
    const genderMissing = babyOf && rng.chance(0.2)
    const mother = motherProfile(ctx, plan.motherOwner)
    const year = isoDay(plan.birthDay).slice(0, 4)
    const certificate = rng.chance(0.7)
        ? `${year}${String(rng.int(1e9)).padStart(9, '0')}${String(rng.int(1e4)).padStart(4, '0')}`
        : undefined
    const profile: ChildProfile & { rng: Rng } = babyOf
        ? { firstName: `B/O ${mother.firstName}`, lastName: '-', rng }
        : male
          ? {
                firstName: rng.pick(names.BOY_FIRST_NAMES),
                lastName: rng.pick(names.MALE_LAST_NAMES),
                rng,
            }
          : {
                firstName: rng.pick(names.GIRL_FIRST_NAMES),
                lastName: rng.pick(names.FEMALE_LAST_NAMES),
                rng,
            }
    if (!genderMissing) profile.gender = male ? 'Male' : 'Female'
    if (certificate) profile.birthCertificate = certificate
    return profile
}

const receiptSecond = (rng: Rng): number => rng.between(8 * 3600, 18 * 3600)

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

function obs(
    fieldType: string,
    fieldCode: string,
    fieldDataType: string,
    field: string,
    values: string[],
    humanReadableValues: string[] = [],
    parentCode = ''
): JsonObject {
    return {
        fieldType,
        fieldCode,
        parentCode,
        fieldDataType,
        formSubmissionField: field,
        values,
        humanReadableValues,
    }
}

const concept = (code: string): string => code.padEnd(36, 'A')

function birthObs(ctx: RecordContext, plan: ChildPlan, rng: Rng, device: Device): JsonObject[] {
    const home = facilityAt(ctx, plan.home)
    const mother = motherProfile(ctx, plan.motherOwner)
    const weight = Math.max(
        1.4,
        Math.min(4.6, 2.9 + (rng.next() + rng.next() + rng.next() - 1.5) * 0.8)
    )
    const day = isoDay(plan.registeredDay)
    const start = rng.between(9 * 3600, 16 * 3600)
    const clock = (s: number): string => `${day} ${new Date(s * 1000).toISOString().slice(11, 19)}`
    const list = [
        obs('formsubmissionField', 'Home_Facility', 'text', 'Home_Facility', [home.locationId]),
        obs('concept', concept('163260'), 'date', 'First_Health_Facility_Contact', [day]),
        obs('concept', concept('5916'), 'text', 'Birth_Weight', [
            weight.toFixed(rng.chance(0.5) ? 1 : 2),
        ]),
        plan.homeBirth
            ? obs(
                  'concept',
                  concept('1572'),
                  'select one',
                  'Place_Birth',
                  [concept('1536')],
                  ['Home']
              )
            : obs(
                  'concept',
                  concept('1572'),
                  'select one',
                  'Place_Birth',
                  [concept('1588')],
                  ['Health facility']
              ),
    ]
    if (!plan.homeBirth) {
        list.push(
            obs('concept', concept('163531'), 'text', 'Birth_Facility_Name', [
                rng.pick(names.FACILITY_NAMES),
            ])
        )
    }
    list.push(
        obs(
            'formsubmissionField',
            'Mother_Guardian_First_Name',
            'text',
            'Mother_Guardian_First_Name',
            [mother.firstName]
        ),
        obs('formsubmissionField', 'Father_Guardian_Name', 'text', 'Father_Guardian_Name', [
            mother.husband,
        ]),
        obs('formsubmissionField', 'Mother_Guardian_Number', 'text', 'Mother_Guardian_Number', [
            mother.phone,
        ]),
        obs('concept', concept('163137'), 'start', 'start', [clock(start)]),
        obs('concept', concept('163138'), 'end', 'end', [clock(start + rng.between(60, 400))]),
        obs('concept', concept('163149'), 'deviceid', 'deviceid', [device.deviceId])
    )
    return list
}

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
        record.obs = [
            obs(
                'concept',
                CONCEPT_DATE,
                'date',
                dose.field,
                [isoDay(dose.day)],
                [],
                dose.parentCode
            ),
            obs(
                'concept',
                CONCEPT_DOSE,
                'calculate',
                `${dose.field}_dose`,
                [String(dose.dose)],
                [],
                dose.parentCode
            ),
        ]
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

function malform(record: JsonObject, kind: NonNullable<PlannedEvent['malformed']>): void {
    const list = Array.isArray(record.obs) ? record.obs : []
    const [dateObs, doseObs] = list
    switch (kind) {
        case 'bangla-date':
            if (
                dateObs &&
                typeof dateObs === 'object' &&
                !Array.isArray(dateObs) &&
                Array.isArray(dateObs.values)
            ) {
                dateObs.values = dateObs.values.map((v) =>
                    typeof v === 'string' ? toBanglaDigits(v) : v
                )
            }
            return
        case 'missing-id':
            delete record._id
            return
        case 'bad-event-date': {
            const text = typeof record.eventDate === 'string' ? record.eventDate.slice(0, 10) : ''
            record.eventDate = text.split('-').reverse().join('-')
            return
        }
        case 'wrong-types':
            if (
                doseObs &&
                typeof doseObs === 'object' &&
                !Array.isArray(doseObs) &&
                Array.isArray(doseObs.values)
            ) {
                doseObs.values = doseObs.values.map((v) => (typeof v === 'string' ? Number(v) : v))
            }
            return
    }
}
