import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import { localDateOf } from '../dates'
import type { OrgUnitResolution } from './ledgerContext'

/** A reason an event cannot be counted at all, before any indicator is looked at. */
export interface EventProblem {
    code: string
    message: string
}

/**
 * The date that places the event in a period: not in the future, not before the client was born.
 * Messages name the event's date but never the birth date (personal data).
 */
export function dateProblem(
    date: string,
    client: OpenSrpClient | undefined,
    ctx: { today: string; timeZone: string }
): EventProblem | undefined {
    if (date > ctx.today) {
        return {
            code: 'OSRP_FUTURE_DATE',
            message: `The date ${date} is in the future (today is ${ctx.today}); check the device's clock or the date entered.`,
        }
    }
    // An approximate birth date (an adult's 1 January) cannot prove a date is before birth.
    if (client?.birthdate && !client.birthdateApprox) {
        const born = localDateOf(client.birthdate, ctx.timeZone)
        if (born !== undefined && date < born) {
            return {
                code: 'OSRP_DATE_BEFORE_BIRTH',
                message: `The date ${date} is before the client's date of birth; correct the date or the birth date in OpenSRP.`,
            }
        }
    }
    return undefined
}

export function orgUnitOf(
    event: OpenSrpEvent,
    resolve: (locationId: string) => OrgUnitResolution
): OrgUnitResolution {
    const locationId = event.locationId?.trim()
    if (!locationId) {
        return {
            ok: false,
            code: 'OSRP_NO_ORG_UNIT',
            message:
                'The event has no location, so no DHIS2 organisation unit can receive its count.',
        }
    }
    return resolve(locationId)
}

export type Sex = 'male' | 'female'

/** Male or Female as OpenSRP writes it (any case); anything else is unknown, never guessed. */
export function sexOf(client: OpenSrpClient | undefined): Sex | undefined {
    const gender = client?.gender?.trim().toLowerCase()
    return gender === 'male' || gender === 'female' ? gender : undefined
}

export function unknownSexProblem(client: OpenSrpClient | undefined): EventProblem {
    return {
        code: 'OSRP_UNKNOWN_SEX',
        message: client
            ? "The client's sex is missing or not Male/Female, and this count is split by sex; record the sex in OpenSRP."
            : 'The client of this event was not found, and this count is split by sex.',
    }
}
