import type { DataSetMapping, IndicatorRule } from '../config/types'
import type { OpenSrpEvent, OpenSrpObs } from '../domain/opensrp'
import type { Vaccination } from '../opensrp/vaccination'
import { doseCountKey, observationCountKey, registrationCountKey } from './countKeys'

/** One indicator of one data set that an event counts for, before org unit, period and COC. */
export interface IndicatorMatch {
    dataSet: DataSetMapping
    rule: IndicatorRule
    countKey: string
}

/** A problem with one indicator's value (the event's other indicators may still count). */
export interface MatchProblem {
    code: string
    message: string
}

export const hasDoseRules = (dataSets: DataSetMapping[]): boolean =>
    dataSets.some((ds) => ds.indicators.some((rule) => rule.type === 'dose'))

/** The dose indicators that count this vaccination. */
export function doseMatches(
    dataSets: DataSetMapping[],
    baseEntityId: string,
    vaccination: Vaccination
): IndicatorMatch[] {
    const matches: IndicatorMatch[] = []
    for (const dataSet of dataSets) {
        for (const rule of dataSet.indicators) {
            if (rule.type !== 'dose' || rule.antigen !== vaccination.antigen) continue
            if (rule.dose !== undefined && rule.dose !== vaccination.dose) continue
            matches.push({
                dataSet,
                rule,
                countKey: doseCountKey(
                    baseEntityId,
                    vaccination.antigen,
                    vaccination.dose,
                    dataSet.dataSet,
                    rule.dataElement
                ),
            })
        }
    }
    return matches
}

const sameText = (a: string, b: string): boolean =>
    a.trim().toLowerCase() === b.trim().toLowerCase()

function obsOf(event: OpenSrpEvent, field: string): OpenSrpObs | undefined {
    return event.obs.find(
        (obs) => obs.formSubmissionField !== undefined && sameText(obs.formSubmissionField, field)
    )
}

/** `values` or `humanReadableValues` holds one of the rule's values (concept code or label). */
function obsHasValue(obs: OpenSrpObs, wanted: string[]): boolean {
    const present = [...obs.values, ...obs.humanReadableValues].filter(
        (value): value is string => typeof value === 'string'
    )
    return present.some((value) => wanted.some((w) => sameText(value, w)))
}

const DECIMAL = /^\d+(\.\d+)?$/

/** The registration and observation indicators (everything but doses) that count this event. */
export function eventMatches(
    dataSets: DataSetMapping[],
    event: OpenSrpEvent
): { matches: IndicatorMatch[]; problems: MatchProblem[] } {
    const matches: IndicatorMatch[] = []
    const problems: MatchProblem[] = []
    for (const dataSet of dataSets) {
        for (const rule of dataSet.indicators) {
            if (rule.type === 'dose' || rule.eventType !== event.eventType) continue
            const ds = dataSet.dataSet
            if (rule.type === 'eventCount') {
                const countKey = registrationCountKey(event.baseEntityId, ds, rule.dataElement)
                matches.push({ dataSet, rule, countKey })
                continue
            }
            const obs = obsOf(event, rule.field)
            // A form without the field (weight not recorded) counts nothing and is no error.
            if (!obs) continue
            const countKey = observationCountKey(event.baseEntityId, ds, rule.dataElement)
            if (rule.type === 'obsValue') {
                if (obsHasValue(obs, rule.values)) matches.push({ dataSet, rule, countKey })
                continue
            }
            const text = (obs.values[0] ?? '').trim()
            if (text === '') continue
            if (!DECIMAL.test(text)) {
                problems.push({
                    code: 'OSRP_BAD_OBS_VALUE',
                    message: `The ${rule.field} value '${text}' is not a number, so the event is left out of the count of values below ${rule.threshold}.`,
                })
                continue
            }
            if (Number(text) < rule.threshold) matches.push({ dataSet, rule, countKey })
        }
    }
    return { matches, problems }
}
