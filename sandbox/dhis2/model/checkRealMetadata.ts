import { readFileSync, readdirSync } from 'fs'
import path from 'path'
import { Dhis2Minor } from '../contract'
import { createDataModel } from './index'
import { isRecord, records, refId } from './json'
import { KLASS } from './metadata/schema'
import { writeDataValueSample } from './realMetadata/dataValueSample'
import { loadMetadata, sampleValues } from './realMetadata/loadedMetadata'
import { modelClient, superuser } from './realMetadata/modelClient'
import { RealMetadataFileReport, RealMetadataReport, fail } from './realMetadata/report'
import { writeTrackerSample } from './realMetadata/trackerSample'

export type { RealMetadataFileReport, RealMetadataReport } from './realMetadata/report'

/**
 * Imports each JSON metadata file of `folder` into a fresh model, then writes one tracked entity
 * (with enrollment and event where a program allows) and one data value where possible.
 * `ok` is false when anything is rejected.
 */
export async function checkRealMetadata(
    folder: string,
    minor: Dhis2Minor = 42
): Promise<RealMetadataReport> {
    const files = readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort()
    const reports: RealMetadataFileReport[] = []
    for (const file of files) reports.push(await checkFile(path.join(folder, file), file, minor))
    return { ok: reports.every((r) => r.ok), files: reports }
}

async function checkFile(
    fullPath: string,
    file: string,
    minor: Dhis2Minor
): Promise<RealMetadataFileReport> {
    const report: RealMetadataFileReport = {
        file,
        kind: 'metadata',
        ok: true,
        problems: [],
        notes: [],
        written: {},
    }
    const payload: unknown = JSON.parse(readFileSync(fullPath, 'utf8'))
    if (!isRecord(payload) || !Object.keys(KLASS).some((k) => Array.isArray(payload[k]))) {
        return { ...report, kind: 'skipped', notes: ['not a metadata package'] }
    }
    const model = createDataModel({ minor, asyncJobDelayMs: 0 })
    const imported = model.importMetadata(payload)
    if (imported.status !== 200) {
        fail(
            report,
            `metadata import answered ${imported.status}: ${JSON.stringify(imported.body).slice(0, 2000)}`
        )
        return report
    }
    const units = records(payload.organisationUnits)
    const roots = units.filter((u) => !refId(u.parent)).map((u) => String(u.id))
    const client = modelClient(model, minor, superuser(roots))
    const metadata = await loadMetadata(client)
    const valueFor = sampleValues(metadata)
    await writeTrackerSample(client, metadata, roots, valueFor, report)
    await writeDataValueSample(client, metadata, roots, minor, valueFor, report)
    return report
}
