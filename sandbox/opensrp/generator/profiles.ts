import type { Facility } from '../geography'
import type { JsonObject } from '../json'
import { hash32, Rng } from '../prng'
import { isoDay, type DateStyle } from './dates'
import * as names from './names'
import type { ChildPlan, PlanContext } from './plan'

/**
 * What the client and event records of one block share: the people (child and mother profiles),
 * the device that wrote them and the home facility's address. Each comes from its own seeded
 * stream, so a client and its events agree without either being built first.
 */

export interface RecordContext extends PlanContext {
    facilityList: Facility[]
}

export enum Stream {
    Child = 11,
    Mother,
    Event,
    Device,
}

export interface MotherProfile {
    firstName: string
    lastName: string
    husband: string
    phone: string
}

export function motherProfile(ctx: PlanContext, owner: number): MotherProfile {
    const rng = new Rng(hash32(ctx.seed, owner, Stream.Mother))
    return {
        firstName: rng.pick(names.WOMAN_FIRST_NAMES),
        lastName: rng.pick(names.FEMALE_LAST_NAMES),
        husband: rng.pick(names.HUSBAND_NAMES),
        phone: `01${rng.pick(['7', '8', '9', '3', '5', '6'])}${String(rng.int(100000000)).padStart(8, '0')}`,
    }
}

/** The device (app build) that wrote a child's records decides date and address shapes. */
export interface Device {
    dateStyle: DateStyle
    oldAddress: boolean
    appVersion: number
    dbVersion: number
    deviceId: string
}

export function deviceOf(ctx: PlanContext, i: number): Device {
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

export function facilityAt(ctx: RecordContext, index: number): Facility {
    const facility = ctx.facilityList[index]
    if (!facility) throw new Error(`no facility ${index}`)
    return facility
}

export function address(facility: Facility, old: boolean): JsonObject {
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

export interface ChildProfile {
    firstName: string
    lastName: string
    gender?: 'Male' | 'Female'
    birthCertificate?: string
}

export function childProfile(ctx: PlanContext, plan: ChildPlan): ChildProfile & { rng: Rng } {
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

/** The second of the day a record reached the server: office hours. */
export const receiptSecond = (rng: Rng): number => rng.between(8 * 3600, 18 * 3600)
