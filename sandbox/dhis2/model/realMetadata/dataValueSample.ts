import { Dhis2Minor } from '../../contract'
import { asString, records, refId } from '../json'
import { periodContaining } from '../periods'
import { LoadedMetadata, ValueFor, byId } from './loadedMetadata'
import { ModelClient } from './modelClient'
import { RealMetadataFileReport, fail } from './report'
import { SAMPLE_DAY } from './sampleValue'

/**
 * Writes one data value, in the first data set with elements and org units where there is one,
 * and records in `report` what was written or why nothing could be.
 */
export async function writeDataValueSample(
    client: ModelClient,
    { dataSets, dataElements }: LoadedMetadata,
    roots: string[],
    minor: Dhis2Minor,
    valueFor: ValueFor,
    report: RealMetadataFileReport
): Promise<void> {
    const dataSet = dataSets.find(
        (ds) => records(ds.dataSetElements).length > 0 && records(ds.organisationUnits).length > 0
    )
    // Without a data set, DHIS2 up to 2.42 stores a value for any data element (no domain check);
    // 2.43 needs exactly one data set per data element (§7 E8002), so nothing can be written there.
    const aggregate = dataSet
        ? byId(dataElements, refId(records(dataSet.dataSetElements)[0]?.dataElement))
        : minor <= 42
          ? (dataElements.find((de) => de.domainType === 'AGGREGATE') ?? dataElements[0])
          : undefined
    if (!dataSet && aggregate)
        report.notes.push(
            `no data set: value written for data element ${String(aggregate.id)} without one`
        )
    if (!aggregate) {
        report.notes.push('no data set or aggregate data element: no data value written')
        return
    }
    const dvOrgUnit =
        (dataSet ? refId(records(dataSet.organisationUnits)[0]) : undefined) ?? roots[0] ?? ''
    const period =
        periodContaining(asString(dataSet?.periodType) ?? 'Monthly', SAMPLE_DAY)?.id ?? '202401'
    const value = {
        dataElement: aggregate.id,
        period,
        orgUnit: dvOrgUnit,
        value: valueFor(aggregate, dvOrgUnit),
    }
    const result = await client.post(
        'dataValueSets',
        { ...(dataSet ? { dataSet: dataSet.id } : {}), dataValues: [value] },
        {}
    )
    if (result?.status !== 200)
        fail(
            report,
            `dataValueSets answered ${String(result?.status)}: ${JSON.stringify(result?.body).slice(0, 2000)}`
        )
    else report.written.dataValue = `${String(aggregate.id)}/${period}/${dvOrgUnit}`
}
