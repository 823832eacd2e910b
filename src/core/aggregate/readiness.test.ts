/** @jest-environment node */
import { periodReadiness } from './readiness'

const january = { id: '202401', startDate: '2024-01-01', endDate: '2024-01-31' }
const monthly = { dataSet: 'Qnf0P01U3T1', openFuturePeriods: 0, expiryDays: 0 }

describe('periods held back', () => {
    it('holds back a period that has not started', () => {
        const result = periodReadiness(january, monthly, '2023-12-31', 5)
        expect(result).toMatchObject({ ready: false, reason: 'future' })
    })

    it('holds back the running period, and says DHIS2 would refuse it with no open future periods', () => {
        const result = periodReadiness(january, monthly, '2024-01-31', 0)
        expect(result).toMatchObject({ ready: false, reason: 'open-in-opensrp' })
        expect(result.ready === false && result.message).toContain('E7641')
        const open = periodReadiness(january, { ...monthly, openFuturePeriods: 1 }, '2024-01-15', 0)
        expect(open.ready === false && open.message).not.toContain('E7641')
    })

    it('waits closeAfterDays after the end for late uploads', () => {
        const waiting = periodReadiness(january, monthly, '2024-02-05', 5)
        expect(waiting).toMatchObject({ ready: false, reason: 'open-in-opensrp' })
        expect(waiting.ready === false && waiting.message).toContain('2024-02-06')
        expect(periodReadiness(january, monthly, '2024-02-06', 5)).toEqual({ ready: true })
        expect(periodReadiness(january, monthly, '2024-02-01', 0)).toEqual({ ready: true })
    })

    it('holds back a period DHIS2 has expired (E7640) from the day end + expiryDays', () => {
        const expiring = { ...monthly, expiryDays: 10 }
        expect(periodReadiness(january, expiring, '2024-02-09', 5)).toEqual({ ready: true })
        const locked = periodReadiness(january, expiring, '2024-02-10', 5)
        expect(locked).toMatchObject({ ready: false, reason: 'locked-in-dhis2' })
        expect(locked.ready === false && locked.message).toContain('E7640')
    })

    it('says so when the period expires before closeAfterDays have passed', () => {
        const quick = { ...monthly, expiryDays: 2 }
        expect(periodReadiness(january, quick, '2024-02-03', 5)).toMatchObject({
            reason: 'locked-in-dhis2',
        })
    })

    it('posts an expired period for a user who may edit expired data', () => {
        const expiring = { ...monthly, expiryDays: 10, canEditExpired: true }
        expect(periodReadiness(january, expiring, '2024-06-01', 5)).toEqual({ ready: true })
    })

    it('treats a week across the year end like any other', () => {
        const week = { id: '2025W1', startDate: '2024-12-30', endDate: '2025-01-05' }
        expect(periodReadiness(week, monthly, '2025-01-05', 2).ready).toBe(false)
        expect(periodReadiness(week, monthly, '2025-01-08', 2)).toEqual({ ready: true })
    })
})
