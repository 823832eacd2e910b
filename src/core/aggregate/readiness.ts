import type { DataSetMapping } from '../config/types'
import type { Period } from '../ports/periods'
import type { HeldBackPeriod } from '../summary/types'
import { addDays } from './calendarDays'

/** What DHIS2 says about a data set's open periods (read from its metadata at run time). */
export interface DataSetDhis2Facts {
    /** 0: the current period is locked too (DHIS2 E7641); n: the current and n − 1 future ones are open. */
    openFuturePeriods: number
    /** 0: never expires; n: DHIS2 refuses values n days after the period's end (E7640). */
    expiryDays: number
    /** The posting user has "Edit expired data" (F_EDIT_EXPIRED or ALL): expiry does not apply. */
    canEditExpired?: boolean
}

export type PeriodReadiness =
    { ready: true } | { ready: false; reason: HeldBackPeriod['reason']; message: string }

/**
 * Whether a period's values may be posted today. Never a period that OpenSRP may still receive
 * data for (until `closeAfterDays` after its end: devices upload late), nor one DHIS2 would refuse:
 * expired (E7640, DataSet.isLocked: end date + expiryDays is before now) or after the latest open
 * future period (E7641; with openFuturePeriods 0 the current period is already locked).
 */
export function periodReadiness(
    period: Pick<Period, 'id' | 'startDate' | 'endDate'>,
    dataSet: Pick<DataSetMapping, 'dataSet'> & DataSetDhis2Facts,
    today: string,
    closeAfterDays: number
): PeriodReadiness {
    const refusesCurrent =
        dataSet.openFuturePeriods <= 0
            ? ` DHIS2 would refuse it now as well: data set ${dataSet.dataSet} accepts no values for the current or future periods (E7641).`
            : ''
    if (today < period.startDate) {
        return {
            ready: false,
            reason: 'future',
            message: `Period ${period.id} has not started yet (it starts on ${period.startDate}).${refusesCurrent}`,
        }
    }
    const postFrom = addDays(period.endDate, closeAfterDays + 1)
    if (today <= period.endDate) {
        return {
            ready: false,
            reason: 'open-in-opensrp',
            message: `Period ${period.id} is still running (it ends on ${period.endDate}); it is posted from ${postFrom}, when late uploads from devices are in.${refusesCurrent}`,
        }
    }
    if (dataSet.expiryDays > 0 && !dataSet.canEditExpired) {
        const lockedFrom = addDays(period.endDate, dataSet.expiryDays)
        if (today >= lockedFrom) {
            return {
                ready: false,
                reason: 'locked-in-dhis2',
                message: `DHIS2 closed period ${period.id} of data set ${dataSet.dataSet} for data entry on ${lockedFrom} (${dataSet.expiryDays} expiry days, E7640). Its values can only be posted by a user allowed to edit expired data, or after an admin adds a lock exception.`,
            }
        }
    }
    if (today < postFrom) {
        return {
            ready: false,
            reason: 'open-in-opensrp',
            message: `Period ${period.id} ended on ${period.endDate}; it is posted from ${postFrom}, after ${closeAfterDays} days for late uploads from devices.`,
        }
    }
    return { ready: true }
}
