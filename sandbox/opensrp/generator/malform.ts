import type { JsonObject } from '../json'
import { toBanglaDigits } from './dates'
import type { PlannedEvent } from './plan'

/**
 * The ~0.5% of generated events planted malformed (plan.ts `malformed`) for the app's validator
 * to catch: Bangla digits in the dose date, no `_id`, a day-first eventDate, numeric obs values.
 */

export function malform(record: JsonObject, kind: NonNullable<PlannedEvent['malformed']>): void {
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
