/**
 * What the ledger counts once (LedgerRow.countKey). Two events that produce the same key count
 * once: the copies of an out-of-area dose (reference opensrp-api.md §5.3), a re-sent or duplicated
 * registration. The key ends with the data set and data element because one dose can feed several
 * (the monthly Penta1 and the weekly Penta1), and the store keeps one row per key.
 */

/** `dose:<baseEntityId>:<antigen>:<dose>:<dataSet>:<dataElement>`: a dose is given once. */
export const doseCountKey = (
    baseEntityId: string,
    antigen: string,
    dose: number,
    dataSet: string,
    dataElement: string
): string => `dose:${baseEntityId}:${antigen}:${dose}:${dataSet}:${dataElement}`

/** `reg:<baseEntityId>:<dataSet>:<dataElement>`: a client is registered once. */
export const registrationCountKey = (
    baseEntityId: string,
    dataSet: string,
    dataElement: string
): string => `reg:${baseEntityId}:${dataSet}:${dataElement}`

/** `obs:<baseEntityId>:<dataSet>:<dataElement>`: a client is born once, at home or not, light or not. */
export const observationCountKey = (
    baseEntityId: string,
    dataSet: string,
    dataElement: string
): string => `obs:${baseEntityId}:${dataSet}:${dataElement}`
