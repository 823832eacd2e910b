/** An import conflict (§3.1); equal conflicts merge their payload indexes. */
export interface Conflict {
    object?: string
    objects: Record<string, string>
    value: string
    /** Absent on the set-level conflicts DHIS2 adds as `addConflict(object, value)`. */
    errorCode?: string
    property?: string
    indexes: number[]
}

export class Conflicts {
    readonly list: Conflict[] = []
    /** Indexes of values rejected at value level (counted as ignored). */
    readonly rejected = new Set<number>()

    add(conflict: Omit<Conflict, 'indexes'>, index?: number): void {
        if (index !== undefined && index >= 0) this.rejected.add(index)
        const same = this.list.find(
            (c) =>
                c.errorCode === conflict.errorCode &&
                c.value === conflict.value &&
                c.object === conflict.object &&
                c.property === conflict.property
        )
        if (same) {
            if (index !== undefined && !same.indexes.includes(index)) same.indexes.push(index)
            return
        }
        this.list.push({ ...conflict, indexes: index === undefined ? [] : [index] })
    }
}
