/** Paths of the BD package's org units, as /api/organisationUnits returns them. */
export const PATHS = {
    NWRRJHHp571: '/NWRRJHHp571',
    yI54G6cBAtY: '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/yI54G6cBAtY',
    YA71Hl4qHqf: '/NWRRJHHp571/U2aENHhynLg/EeDkgKENX6e/MwcEYcUHllt/TJVyV3rXr9T/YA71Hl4qHqf',
} as const

export const NAMES: Record<keyof typeof PATHS, string> = {
    NWRRJHHp571: 'Bangladesh',
    yI54G6cBAtY: 'Mouchak Ward 1 EPI Centre',
    YA71Hl4qHqf: 'Mouchak Ward 2 EPI Centre',
}

const isKnown = (id: string): id is keyof typeof PATHS => id in PATHS

/** A stub for `organisationUnits?filter=id:in:[…]&fields=id,displayName,path`. */
export function orgUnitsById(_type: string, query: { params?: Record<string, unknown> }) {
    const filter = String(query.params?.filter ?? '')
    const ids = /^id:in:\[(.*)\]$/.exec(filter)?.[1]?.split(',') ?? []
    return {
        organisationUnits: ids
            .filter(isKnown)
            .map((id) => ({ id, displayName: NAMES[id], path: PATHS[id] })),
    }
}
