import { Conflict } from './conflicts'

type Found = Omit<Conflict, 'indexes'>

/** One conflict per identifier type, as `DataValueImportConflict` builds them (objects by type). */
export const valueConflict = (
    errorCode: string,
    value: string,
    objects: Record<string, string>,
    property?: string
): Found => {
    const first = Object.values(objects)[0]
    return {
        ...(first === undefined ? {} : { object: first }),
        objects,
        value,
        errorCode,
        ...(property ? { property } : {}),
    }
}
