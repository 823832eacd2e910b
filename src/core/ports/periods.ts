import type { DataSetMapping } from '../config/types'

/** The DHIS2 period types a data set of ours can have (DataSetMapping.periodType). */
export type PeriodType = DataSetMapping['periodType']

/** A DHIS2 fixed period: its id (`202401`, `2025W1`, `2024WedW1` …) and first and last days. */
export interface Period {
    id: string
    periodType: PeriodType
    /** yyyy-MM-dd, inclusive. */
    startDate: string
    /** yyyy-MM-dd, inclusive. */
    endDate: string
}

/**
 * DHIS2's periods in the Gregorian calendar. src/core may not import @dhis2/*, so the adapter in
 * src/adapters/periods wraps @dhis2/multi-calendar-dates behind this port. Both methods are called
 * for every counted event: implementations cache, so repeated dates cost a map lookup.
 */
export interface PeriodCalculator {
    /**
     * The period of `periodType` holding `date`. `date` must be a real `yyyy-MM-dd` date (check it
     * with isIsoCalendarDate first); anything else throws a RangeError.
     */
    periodOf(date: string, periodType: PeriodType): Period
    /** The period with this DHIS2 id, or undefined when the id is not one of our period types. */
    periodById(id: string): Period | undefined
}
