import { ModelContext } from '../context'
import { refIds } from '../json'
import { TrackerBundle } from './payload'

/**
 * `EventProgramPreProcessor` (2.41): an event of a program without registration sent without a
 * program stage gets the program's (only) stage, so it is not refused for the missing stage
 * (E1123). The program of an event sent with a stage only is taken from the stage later.
 */
export function withEventProgramStages(ctx: ModelContext, bundle: TrackerBundle): TrackerBundle {
    const events = bundle.events.map((ev) => {
        if (ev.programStage?.trim() || !ev.program?.trim()) return ev
        const program = ctx.store.get('programs', ev.program)
        if (program?.programType !== 'WITHOUT_REGISTRATION') return ev
        const stage = refIds(program.programStages)[0]
        return stage ? { ...ev, programStage: stage } : ev
    })
    return { ...bundle, events }
}
