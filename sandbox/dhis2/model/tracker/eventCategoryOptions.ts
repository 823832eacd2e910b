import { ModelContext } from '../context'
import { JsonRecord, asString, refId, refIds } from '../json'
import { parseDateTime } from '../dates'
import { DEFAULT_CATEGORY_COMBO, DEFAULT_COC } from '../metadata/schema'
import { EventInput, TrackerBundle } from './payload'
import { TrackerValidation } from './validation'

const comboOf = (program: JsonRecord): string =>
    refId(program.categoryCombo) ?? DEFAULT_CATEGORY_COMBO

const sameOptions = (coc: JsonRecord, options: readonly string[]): boolean => {
    const own = refIds(coc.categoryOptions)
    return own.length === new Set(options).size && options.every((o) => own.includes(o))
}

/**
 * `EventProgramPreProcessor.setAttributeOptionCombo`: an event sent with category options and no
 * attribute option combo gets the combo of its program's category combo made of exactly those
 * options (`TrackerPreheat.getCategoryOptionComboIdentifier`), when there is one.
 */
export function withResolvedAttributeOptionCombos(
    ctx: ModelContext,
    bundle: TrackerBundle
): TrackerBundle {
    const events = bundle.events.map((ev) => {
        const options = ev.attributeCategoryOptions ?? []
        if (ev.attributeOptionCombo?.trim() || options.length === 0) return ev
        const stage = ctx.store.get('programStages', ev.programStage)
        const program = ctx.store.get('programs', ev.program ?? refId(stage?.program))
        if (!program) return ev
        const combo = comboOf(program)
        const coc = ctx.store
            .cocIdsOf(combo)
            .map((id) => ctx.store.get('categoryOptionCombos', id))
            .find((c): c is JsonRecord => c !== undefined && sameOptions(c, options))
        return coc ? { ...ev, attributeOptionCombo: String(coc.id) } : ev
    })
    return { ...bundle, events }
}

/**
 * `DataRelationsValidator.validateEventCategoryOptionCombo`: E1115 unknown combo, E1116 unknown
 * options, E1055 a default (or no) combo for a program with a non-default category combo; then
 * E1117 when no combo was found for the options, E1054 a combo outside the program's category
 * combo, E1117 a combo not made of exactly the options sent.
 */
export function validateEventCategoryOptionCombo(
    v: TrackerValidation,
    ev: EventInput,
    program: JsonRecord
): void {
    const add = (code: string, args: string[]) => v.add(code, 'EVENT', ev.uid, args)
    const store = v.ctx.store
    const combo = comboOf(program)
    const aocId = ev.attributeOptionCombo?.trim() ? ev.attributeOptionCombo : undefined
    const options = ev.attributeCategoryOptions ?? []
    const aoc = aocId ? store.get('categoryOptionCombos', aocId) : undefined
    let valid = true
    if (aocId && !aoc) {
        add('E1115', [aocId])
        valid = false
    }
    for (const option of options) {
        if (!store.get('categoryOptions', option)) {
            add('E1116', [option])
            valid = false
        }
    }
    const aocCombo = aoc ? (refId(aoc.categoryCombo) ?? DEFAULT_CATEGORY_COMBO) : undefined
    if (
        combo !== DEFAULT_CATEGORY_COMBO &&
        ((!aocId && options.length === 0) || aocCombo === DEFAULT_CATEGORY_COMBO)
    ) {
        add('E1055', [])
        valid = false
    }
    if (!valid) return
    const resolved = !aocId && combo === DEFAULT_CATEGORY_COMBO ? DEFAULT_COC : aocId
    // `addAOCAndCOCombinationError`: the combo sent, else the program's category combo.
    const combination = () =>
        add('E1117', [aocId ?? combo, `[${[...new Set(options)].join(', ')}]`])
    const found = resolved ? store.get('categoryOptionCombos', resolved) : undefined
    if (!found) return combination()
    if (aocId && aocCombo !== combo) return add('E1054', [aocId, combo])
    if (options.length > 0 && !sameOptions(found, options)) combination()
}

const day = (date: Date): string => date.toISOString().slice(0, 10)

/**
 * `CategoryOptValidator`: the event date (occurredAt, else scheduledAt, else now) must fall within
 * each option of its attribute option combo: E1056 before its start date, E1057 after its end date
 * plus the program's `openDaysAfterCoEndDate`.
 */
export function validateCategoryOptionDates(
    v: TrackerValidation,
    ev: EventInput,
    program: JsonRecord
): void {
    const combo = comboOf(program)
    const cocId = combo === DEFAULT_CATEGORY_COMBO ? DEFAULT_COC : ev.attributeOptionCombo
    const coc = v.ctx.store.get('categoryOptionCombos', cocId)
    if (!coc) return
    const sent = ev.occurredAt ?? ev.scheduledAt
    const eventDate = sent ? parseDateTime(sent) : v.ctx.now()
    if (!eventDate) return
    const openDays =
        typeof program.openDaysAfterCoEndDate === 'number' ? program.openDaysAfterCoEndDate : 0
    for (const optionId of refIds(coc.categoryOptions)) {
        const option = v.ctx.store.get('categoryOptions', optionId)
        const name = asString(option?.name) ?? optionId
        const start = asString(option?.startDate)
        const startDate = start ? parseDateTime(start) : undefined
        if (startDate && eventDate.getTime() < startDate.getTime())
            v.add('E1056', 'EVENT', ev.uid, [day(eventDate), day(startDate), name])
        const end = asString(option?.endDate)
        const endDate = end ? parseDateTime(end) : undefined
        if (endDate) {
            const adjusted = new Date(endDate.getTime() + openDays * 86_400_000)
            if (eventDate.getTime() > adjusted.getTime())
                v.add('E1057', 'EVENT', ev.uid, [
                    day(eventDate),
                    day(adjusted),
                    name,
                    asString(program.name) ?? String(program.id),
                ])
        }
    }
}
