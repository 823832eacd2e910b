/**
 * Where generated records sit in the serverVersion sequences (reference §3.1: per-table
 * sequences, epoch-ms-looking counters, ascending with gaps). Child i owns a fixed block in each
 * sequence, so "serverVersion > v" maps straight to a block and nothing has to be indexed.
 */

export const CLIENT_BASE = 1634570000000
export const EVENT_BASE = 1634571200000
export const LOCATION_BASE = 1634560100000

/** Client slots per child: the mother she "owns", the child, a voided duplicate, an edited child. */
export const CLIENT_SLOTS = 4
export enum ClientSlot {
    Mother = 0,
    Child = 1,
    Duplicate = 2,
    EditedChild = 3,
}

/**
 * Event slots per child. 0 = Birth Registration, 1–15 = child doses (schedule.ts), 16–20 = the
 * mother's TT doses, 21 = the duplicate's Birth Registration, 22–24 = an out-of-area triplet,
 * 25 = an edited dose, 26 = a Void Event over a dose, 27 = the dose re-entered after the void.
 * Unused slots are gaps in the sequence.
 */
export const EVENT_SLOTS = 32
export enum EventSlot {
    BirthRegistration = 0,
    DuplicateBirthRegistration = 21,
    OutOfAreaDevice = 22,
    OutOfAreaHome = 23,
    OutOfAreaService = 24,
    Edited = 25,
    Void = 26,
    ReEntered = 27,
}

/** Room between the generated range and the first serverVersion handed out by event/add. */
const OVERLAY_GAP = 1000

export const clientVersion = (child: number, slot: number): number =>
    CLIENT_BASE + child * CLIENT_SLOTS + slot
export const eventVersion = (child: number, slot: number): number =>
    EVENT_BASE + child * EVENT_SLOTS + slot

export const firstOverlayClientVersion = (children: number): number =>
    CLIENT_BASE + children * CLIENT_SLOTS + OVERLAY_GAP
export const firstOverlayEventVersion = (children: number): number =>
    EVENT_BASE + children * EVENT_SLOTS + OVERLAY_GAP

/** The first child block that can hold a record with serverVersion >= `version`. */
export function firstBlockFrom(version: number, base: number, slots: number): number {
    if (version <= base) return 0
    return Math.floor((version - base) / slots)
}
