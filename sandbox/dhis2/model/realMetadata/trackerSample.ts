import { formatDate } from '../dates'
import { JsonRecord, records, refId } from '../json'
import { DEFAULT_CATEGORY_COMBO } from '../metadata/schema'
import { generateUid } from '../uid'
import { LoadedMetadata, ValueFor, byId } from './loadedMetadata'
import { ModelClient } from './modelClient'
import { RealMetadataFileReport, fail } from './report'
import { SAMPLE_DAY } from './sampleValue'

/** A program with registration, org units and a known type; default category combo first. */
function usableProgram({ programs, types }: LoadedMetadata): JsonRecord | undefined {
    return [...programs]
        .filter(
            (p) =>
                p.programType === 'WITH_REGISTRATION' &&
                records(p.organisationUnits).length > 0 &&
                byId(types, refId(p.trackedEntityType))
        )
        .sort(
            (a, b) =>
                Number(refId(a.categoryCombo) !== DEFAULT_CATEGORY_COMBO) -
                Number(refId(b.categoryCombo) !== DEFAULT_CATEGORY_COMBO)
        )[0]
}

/** The mandatory attributes of the type and the program, each with a sample value. */
function mandatoryAttributes(
    { attributes }: LoadedMetadata,
    type: JsonRecord,
    program: JsonRecord | undefined,
    orgUnit: string,
    valueFor: ValueFor
): JsonRecord[] {
    const wanted = new Set([
        ...records(type.trackedEntityTypeAttributes)
            .filter((t) => t.mandatory === true)
            .map((t) => refId(t.trackedEntityAttribute)),
        ...(program
            ? records(program.programTrackedEntityAttributes)
                  .filter((p) => p.mandatory === true)
                  .map((p) => refId(p.trackedEntityAttribute))
            : []),
    ])
    return [...wanted]
        .filter((id): id is string => id !== undefined)
        .map((id) => ({ attribute: id, value: valueFor(byId(attributes, id), orgUnit) }))
}

/** An event in `stage` with a sample value for each of its data elements. */
function sampleEvent(
    { dataElements, cocs }: LoadedMetadata,
    program: JsonRecord,
    stage: JsonRecord,
    orgUnit: string,
    valueFor: ValueFor
): JsonRecord {
    const combo = refId(program.categoryCombo) ?? DEFAULT_CATEGORY_COMBO
    const aoc =
        combo === DEFAULT_CATEGORY_COMBO
            ? undefined
            : cocs.find((c) => refId(c.categoryCombo) === combo)?.id
    const dataValues = records(stage.programStageDataElements).map((psde) => {
        const de = byId(dataElements, refId(psde.dataElement))
        return { dataElement: refId(psde.dataElement), value: valueFor(de, orgUnit) }
    })
    return {
        event: generateUid(),
        programStage: stage.id,
        orgUnit,
        status: 'ACTIVE',
        occurredAt: formatDate(SAMPLE_DAY),
        dataValues,
        ...(aoc ? { attributeOptionCombo: aoc } : {}),
    }
}

/**
 * Writes one tracked entity, enrolled with one event where a program allows, and records in
 * `report` what was written, what could not be, and whether the tracker import failed.
 */
export async function writeTrackerSample(
    client: ModelClient,
    metadata: LoadedMetadata,
    roots: string[],
    valueFor: ValueFor,
    report: RealMetadataFileReport
): Promise<void> {
    const { types, stages } = metadata
    const program = usableProgram(metadata)
    const type = program ? byId(types, refId(program.trackedEntityType)) : types[0]
    const orgUnit = (program ? refId(records(program.organisationUnits)[0]) : undefined) ?? roots[0]
    if (!type || !orgUnit) {
        report.notes.push('no tracked entity type or org unit: no tracked entity written')
        return
    }
    const attributes = mandatoryAttributes(metadata, type, program, orgUnit, valueFor)
    const te: JsonRecord = {
        trackedEntity: generateUid(),
        trackedEntityType: type.id,
        orgUnit,
        attributes,
    }
    report.written.trackedEntity = String(te.trackedEntity)
    if (program) {
        const enrollment: JsonRecord = {
            enrollment: generateUid(),
            program: program.id,
            orgUnit,
            status: 'ACTIVE',
            enrolledAt: formatDate(SAMPLE_DAY),
            occurredAt: formatDate(SAMPLE_DAY),
        }
        report.written.enrollment = String(enrollment.enrollment)
        const stage = byId(stages, refId(records(program.programStages)[0]))
        if (stage) {
            const event = sampleEvent(metadata, program, stage, orgUnit, valueFor)
            enrollment.events = [event]
            report.written.event = String(event.event)
        } else report.notes.push(`program ${String(program.id)} has no stage: no event written`)
        te.enrollments = [enrollment]
    } else
        report.notes.push('no program with registration usable: tracked entity without enrollment')
    const result = await client.post('tracker', { trackedEntities: [te] }, { async: 'false' })
    if (result?.status !== 200)
        fail(
            report,
            `tracker import answered ${String(result?.status)}: ${JSON.stringify(result?.body).slice(0, 2000)}`
        )
}
