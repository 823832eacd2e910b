import { Conflicts } from './conflicts'
import { DataImportResult, zeroCount } from './result'

/** A 2.43 conflict: only `objects.args`, `value`, `errorCode`, `indexes` (§7). */
export const conflict243 = (errorCode: string, value: string, args: string[]) => ({
    objects: { args: args.join('-') },
    value,
    errorCode,
})

export type Conflict243 = ReturnType<typeof conflict243>

/** A request-level abort: one conflict at index -1, nothing imported, no value counted. */
export function abort243(errorCode: string, value: string, args: string[]): DataImportResult {
    const conflicts = new Conflicts()
    conflicts.add(conflict243(errorCode, value, args), -1)
    conflicts.rejected.clear()
    return { status: 'ERROR', importCount: zeroCount(), conflicts, dataSetComplete: 'false' }
}
