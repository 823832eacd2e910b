import { JsonRecord, asString, refId } from '../json'
import { ModelClient } from './modelClient'
import { sampleValue } from './sampleValue'

/** The imported metadata the samples are built from, as the model serves it back. */
export interface LoadedMetadata {
    programs: JsonRecord[]
    types: JsonRecord[]
    attributes: JsonRecord[]
    stages: JsonRecord[]
    dataElements: JsonRecord[]
    dataSets: JsonRecord[]
    cocs: JsonRecord[]
    options: JsonRecord[]
}

export async function loadMetadata(client: ModelClient): Promise<LoadedMetadata> {
    const programs = await client.list('programs')
    const types = await client.list('trackedEntityTypes')
    const attributes = await client.list('trackedEntityAttributes')
    const stages = await client.list('programStages')
    const dataElements = await client.list('dataElements')
    const dataSets = await client.list('dataSets')
    const cocs = await client.list('categoryOptionCombos')
    const options = await client.list('options')
    return { programs, types, attributes, stages, dataElements, dataSets, cocs, options }
}

export const byId = (list: JsonRecord[], id: string | undefined) => list.find((o) => o.id === id)

/** A sample value for a data element or attribute, from its value type and option set. */
export type ValueFor = (object: JsonRecord | undefined, orgUnit: string) => string

export function sampleValues(metadata: LoadedMetadata): ValueFor {
    const optionCodes = (optionSet: string | undefined) =>
        metadata.options.filter((o) => refId(o.optionSet) === optionSet).map((o) => String(o.code))
    return (object, orgUnit) =>
        sampleValue(
            asString(object?.valueType) ?? 'TEXT',
            optionCodes(refId(object?.optionSet)),
            orgUnit
        )
}
