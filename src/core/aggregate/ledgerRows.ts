import type { OpenSrpClient, OpenSrpEvent } from '../domain/opensrp'
import { localDateOf } from '../dates'
import {
    eventKeyOf,
    OUT_OF_AREA_SERVICE_EVENT,
    readVaccination,
    VACCINATION_EVENT,
    VOID_EVENT,
} from '../opensrp/vaccination'
import type { LedgerRow } from '../ports/syncStore'
import type { RecordError } from '../summary/types'
import { cellKey } from './cell'
import { dateProblem, orgUnitOf, sexOf, unknownSexProblem, type EventProblem } from './eventChecks'
import {
    doseMatches,
    eventMatches,
    hasDoseRules,
    type IndicatorMatch,
    type MatchProblem,
} from './indicatorMatches'
import type { EventLedgerResult, LedgerContext, LedgerSkip } from './ledgerContext'
import { outOfAreaCopySkip } from './outOfArea'

/**
 * The ledger rows of one OpenSRP event (reference opensrp-api.md §5, DESIGN §3.3–3.4): one row per
 * indicator it counts for, in the cell of its org unit (event.locationId), its period (the
 * vaccination date, or the local date of eventDate for other events; never dateCreated) and its
 * COC (by the client's sex where the indicator is split by sex). The pipeline replaces the event's
 * earlier rows with these (planLedgerChange), so an event that now yields none loses its counts.
 */
export function ledgerRowsForEvent(
    event: OpenSrpEvent,
    client: OpenSrpClient | undefined,
    ctx: LedgerContext
): EventLedgerResult {
    const eventKey = eventKeyOf(event)
    const skip = skipOf(event, client, ctx)
    if (skip) return { rows: [], errors: [], skipped: skip }

    const dataSets = ctx.mapping.dataSets
    let matches: IndicatorMatch[]
    let problems: MatchProblem[] = []
    let date: string | undefined
    if (event.eventType === VACCINATION_EVENT) {
        if (!hasDoseRules(dataSets)) return notCounted('No data set counts vaccinations.')
        const reading = readVaccination(event, ctx.antigens)
        if (!reading.ok) return failed(eventKey, [reading])
        const { antigen, dose } = reading.value
        matches = doseMatches(dataSets, event.baseEntityId, reading.value)
        if (matches.length === 0) {
            return notCounted(`No indicator counts ${antigen} dose ${dose}.`)
        }
        date = reading.value.date
    } else {
        ;({ matches, problems } = eventMatches(dataSets, event))
        if (matches.length === 0 && problems.length === 0) {
            return notCounted(`No indicator counts '${event.eventType}' events like this one.`)
        }
        date = localDateOf(event.eventDate, ctx.timeZone)
    }

    const eventProblems: EventProblem[] = []
    if (event.baseEntityId.trim() === '') {
        eventProblems.push({
            code: 'OSRP_NO_CLIENT',
            message:
                'The event is not linked to a client (an out-of-area record OpenSRP could not match), so it cannot be counted once per client.',
        })
    }
    if (date === undefined) {
        eventProblems.push({
            code: 'OSRP_BAD_EVENT_DATE',
            message: `The event date '${event.eventDate}' is not a date.`,
        })
    } else {
        const problem = dateProblem(date, client, ctx)
        if (problem) eventProblems.push(problem)
    }
    const place = orgUnitOf(event, ctx.resolveOrgUnit)
    if (!place.ok) eventProblems.push(place)
    const orgUnit = place.ok ? place.orgUnit : undefined
    if (eventProblems.length > 0 || date === undefined || orgUnit === undefined) {
        return failed(eventKey, [...eventProblems, ...problems], orgUnit)
    }

    const rows: LedgerRow[] = []
    const errors: RecordError[] = problems.map((p) => toError(eventKey, p, orgUnit))
    const seen = new Set<string>()
    for (const { dataSet, rule, countKey } of matches) {
        if (seen.has(countKey)) continue
        seen.add(countKey)
        const period = ctx.periods.periodOf(date, dataSet.periodType).id
        let coc = rule.categoryOptionCombo ?? dataSet.defaultCategoryOptionCombo
        if (rule.disaggregation === 'sex' && dataSet.sexCategoryOptionCombos) {
            const sex = sexOf(client)
            if (!sex) {
                errors.push(toError(eventKey, unknownSexProblem(client), orgUnit, period))
                continue
            }
            coc = dataSet.sexCategoryOptionCombos[sex]
        }
        const cell = cellKey({
            dataSet: dataSet.dataSet,
            orgUnit,
            period,
            dataElement: rule.dataElement,
            categoryOptionCombo: coc,
            attributeOptionCombo: dataSet.attributeOptionCombo,
        })
        rows.push({ countKey, eventKey, cell, serverVersion: event.serverVersion })
    }
    return { rows, errors: distinct(errors) }
}

function skipOf(
    event: OpenSrpEvent,
    client: OpenSrpClient | undefined,
    ctx: LedgerContext
): LedgerSkip | undefined {
    if (event.eventType === VOID_EVENT || event.voided) {
        return {
            reason: 'void',
            message: 'A voided event counts nothing; what it counted before is removed.',
        }
    }
    if (event.eventType === OUT_OF_AREA_SERVICE_EVENT) {
        return {
            reason: 'out-of-area-service',
            message: 'Out of Area Service events repeat a Vaccination event and are never counted.',
        }
    }
    if (client?.voided) {
        return {
            reason: 'client-voided',
            message: 'The client is voided in OpenSRP (a duplicate), so its events count nothing.',
        }
    }
    return outOfAreaCopySkip(event, ctx.outOfAreaKeep)
}

const notCounted = (message: string): EventLedgerResult => ({
    rows: [],
    errors: [],
    skipped: { reason: 'not-counted', message },
})

function failed(eventKey: string, problems: EventProblem[], orgUnit?: string): EventLedgerResult {
    return { rows: [], errors: distinct(problems.map((p) => toError(eventKey, p, orgUnit))) }
}

function toError(
    eventKey: string,
    problem: EventProblem,
    orgUnit?: string,
    period?: string
): RecordError {
    return {
        sourceId: eventKey,
        recordKind: 'event',
        kind: 'mapping',
        code: problem.code,
        message: problem.message,
        ...(orgUnit !== undefined ? { orgUnit } : {}),
        ...(period !== undefined ? { period } : {}),
    }
}

/** One error per code and message: the monthly and weekly sets often fail for one reason. */
function distinct(errors: RecordError[]): RecordError[] {
    const seen = new Set<string>()
    return errors.filter((error) => {
        const key = `${error.code}\n${error.message}`
        if (seen.has(key)) return false
        seen.add(key)
        return true
    })
}
