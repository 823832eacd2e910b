/**
 * How codes and names are compared when matching OpenSRP locations to DHIS2 org units: case,
 * surrounding and repeated spaces and Unicode forms (Bangla text typed on different keyboards) are
 * ignored; nothing else is, so "Ward 3" never matches "Ward 13".
 */

export const normaliseCode = (code: string): string => code.normalize('NFKC').trim().toLowerCase()

export const normaliseName = (name: string): string =>
    name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
