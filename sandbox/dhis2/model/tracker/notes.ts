import { SandboxUser } from '../../contract'
import { ModelState, StoredNote } from '../state'
import { generateUid } from '../uid'
import { NoteInput } from './payload'

function noteExists(state: ModelState, uid: string): boolean {
    return [...Object.values(state.events), ...Object.values(state.enrollments)].some((o) =>
        (o.notes ?? []).some((n) => n.note === uid)
    )
}

/**
 * `ValidationUtils.validateNotes` + `NotesConverterService`: notes are only ever added; one
 * without text is ignored, one whose UID is already stored is skipped (DHIS2 warns E1119); each
 * new note is stamped with the importing user.
 */
export function withNewNotes(
    state: ModelState,
    user: SandboxUser,
    stored: StoredNote[] | undefined,
    sent: NoteInput[] | undefined,
    stamp: string
): StoredNote[] {
    const notes = [...(stored ?? [])]
    for (const input of sent ?? []) {
        if (!input.value) continue
        if (input.note && noteExists(state, input.note)) continue
        notes.push({
            note: input.note ?? generateUid(),
            value: input.value,
            storedAt: stamp,
            storedBy: user.username,
            createdBy: {
                uid: user.id,
                username: user.username,
                firstName: user.firstName,
                surname: user.surname,
            },
        })
    }
    return notes
}
