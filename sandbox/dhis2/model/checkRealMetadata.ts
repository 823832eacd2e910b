import { readFileSync, readdirSync } from 'fs'
import path from 'path'
import { ApiResponse, Dhis2Minor, SandboxUser } from '../contract'
import { formatDate } from './dates'
import { DataModel, createDataModel } from './index'
import { JsonRecord, asString, isRecord, records, refId } from './json'
import { DEFAULT_CATEGORY_COMBO, KLASS } from './metadata/schema'
import { periodContaining } from './periods'
import { generateUid } from './uid'

export interface RealMetadataFileReport {
    file: string
    /** `skipped` for JSON files that are not metadata packages (e.g. a dataValueSet). */
    kind: 'metadata' | 'skipped'
    ok: boolean
    problems: string[]
    notes: string[]
    written: { trackedEntity?: string; enrollment?: string; event?: string; dataValue?: string }
}

export interface RealMetadataReport {
    ok: boolean
    files: RealMetadataFileReport[]
}

const TODAY = new Date(Date.UTC(2024, 0, 15))

function sampleValue(valueType: string, options: string[], orgUnit: string): string {
    if (options[0] !== undefined) return options[0]
    const samples: Record<string, string> = {
        NUMBER: '12.5',
        INTEGER: '3',
        INTEGER_POSITIVE: '3',
        INTEGER_ZERO_OR_POSITIVE: '3',
        INTEGER_NEGATIVE: '-3',
        PERCENTAGE: '50',
        UNIT_INTERVAL: '0.5',
        BOOLEAN: 'true',
        TRUE_ONLY: 'true',
        DATE: '2024-01-10',
        AGE: '2020-01-10',
        DATETIME: '2024-01-10T10:00:00.000',
        TIME: '10:00',
        PHONE_NUMBER: '+8801712345678',
        EMAIL: 'sample@example.org',
        LETTER: 'A',
        URL: 'https://example.org',
        COORDINATE: '[90.4,23.8]',
        ORGANISATION_UNIT: orgUnit,
    }
    return samples[valueType] ?? `Sample ${generateUid()}`
}

function superuser(roots: string[]): SandboxUser {
    return {
        id: 'RealCheck01',
        username: 'real-check',
        password: 'x',
        firstName: 'Real',
        surname: 'Check',
        authorities: ['ALL'],
        organisationUnits: roots,
        dataViewOrganisationUnits: roots,
        teiSearchOrganisationUnits: roots,
        userRoles: [],
        userGroups: [],
        settings: {},
    }
}

async function post(
    model: DataModel,
    minor: Dhis2Minor,
    user: SandboxUser,
    path: string,
    body: unknown,
    query: Record<string, string>
): Promise<ApiResponse | undefined> {
    return model.handle({
        method: 'POST',
        path,
        query: new URLSearchParams(query),
        body,
        rawBody: Buffer.from(JSON.stringify(body)),
        user,
        minor,
        baseUrl: 'http://127.0.0.1:8080',
    })
}

function metadataOf(
    model: DataModel,
    minor: Dhis2Minor,
    user: SandboxUser,
    collection: string
): Promise<JsonRecord[]> {
    return Promise.resolve(
        model.handle({
            method: 'GET',
            path: collection,
            query: new URLSearchParams({ paging: 'false', fields: '*' }),
            body: undefined,
            rawBody: Buffer.alloc(0),
            user,
            minor,
            baseUrl: 'http://127.0.0.1:8080',
        })
    ).then((r) => (isRecord(r?.body) ? records(r.body[collection]) : []))
}

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
    const fail = (problem: string) => {
        report.ok = false
        report.problems.push(problem)
    }
    const payload: unknown = JSON.parse(readFileSync(fullPath, 'utf8'))
    if (!isRecord(payload) || !Object.keys(KLASS).some((k) => Array.isArray(payload[k]))) {
        return { ...report, kind: 'skipped', notes: ['not a metadata package'] }
    }
    const model = createDataModel({ minor, asyncJobDelayMs: 0 })
    const imported = model.importMetadata(payload)
    if (imported.status !== 200) {
        fail(
            `metadata import answered ${imported.status}: ${JSON.stringify(imported.body).slice(0, 2000)}`
        )
        return report
    }
    const units = records(payload.organisationUnits)
    const roots = units.filter((u) => !refId(u.parent)).map((u) => String(u.id))
    const user = superuser(roots)
    const list = (collection: string) => metadataOf(model, minor, user, collection)
    const programs = await list('programs')
    const types = await list('trackedEntityTypes')
    const attributes = await list('trackedEntityAttributes')
    const stages = await list('programStages')
    const dataElements = await list('dataElements')
    const dataSets = await list('dataSets')
    const cocs = await list('categoryOptionCombos')
    const options = await list('options')
    const optionCodes = (optionSet: string | undefined) =>
        options.filter((o) => refId(o.optionSet) === optionSet).map((o) => String(o.code))
    const valueFor = (object: JsonRecord | undefined, orgUnit: string) =>
        sampleValue(
            asString(object?.valueType) ?? 'TEXT',
            optionCodes(refId(object?.optionSet)),
            orgUnit
        )
    const byId = (list: JsonRecord[], id: string | undefined) => list.find((o) => o.id === id)

    const program = [...programs]
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
    const type = program ? byId(types, refId(program.trackedEntityType)) : types[0]
    const orgUnit = (program ? refId(records(program.organisationUnits)[0]) : undefined) ?? roots[0]
    if (!type || !orgUnit)
        report.notes.push('no tracked entity type or org unit: no tracked entity written')
    else {
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
        const teAttributes = [...wanted]
            .filter((id): id is string => id !== undefined)
            .map((id) => ({ attribute: id, value: valueFor(byId(attributes, id), orgUnit) }))
        const te: JsonRecord = {
            trackedEntity: generateUid(),
            trackedEntityType: type.id,
            orgUnit,
            attributes: teAttributes,
        }
        report.written.trackedEntity = String(te.trackedEntity)
        if (program) {
            const enrollment: JsonRecord = {
                enrollment: generateUid(),
                program: program.id,
                orgUnit,
                status: 'ACTIVE',
                enrolledAt: formatDate(TODAY),
                occurredAt: formatDate(TODAY),
            }
            report.written.enrollment = String(enrollment.enrollment)
            const stage = byId(stages, refId(records(program.programStages)[0]))
            if (stage) {
                const combo = refId(program.categoryCombo) ?? DEFAULT_CATEGORY_COMBO
                const aoc =
                    combo === DEFAULT_CATEGORY_COMBO
                        ? undefined
                        : cocs.find((c) => refId(c.categoryCombo) === combo)?.id
                const dataValues = records(stage.programStageDataElements).map((psde) => {
                    const de = byId(dataElements, refId(psde.dataElement))
                    return { dataElement: refId(psde.dataElement), value: valueFor(de, orgUnit) }
                })
                const event: JsonRecord = {
                    event: generateUid(),
                    programStage: stage.id,
                    orgUnit,
                    status: 'ACTIVE',
                    occurredAt: formatDate(TODAY),
                    dataValues,
                    ...(aoc ? { attributeOptionCombo: aoc } : {}),
                }
                enrollment.events = [event]
                report.written.event = String(event.event)
            } else report.notes.push(`program ${String(program.id)} has no stage: no event written`)
            te.enrollments = [enrollment]
        } else
            report.notes.push(
                'no program with registration usable: tracked entity without enrollment'
            )
        const result = await post(
            model,
            minor,
            user,
            'tracker',
            { trackedEntities: [te] },
            { async: 'false' }
        )
        if (result?.status !== 200)
            fail(
                `tracker import answered ${String(result?.status)}: ${JSON.stringify(result?.body).slice(0, 2000)}`
            )
    }

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
        return report
    }
    const dvOrgUnit =
        (dataSet ? refId(records(dataSet.organisationUnits)[0]) : undefined) ?? roots[0] ?? ''
    const period =
        periodContaining(asString(dataSet?.periodType) ?? 'Monthly', TODAY)?.id ?? '202401'
    const value = {
        dataElement: aggregate.id,
        period,
        orgUnit: dvOrgUnit,
        value: valueFor(aggregate, dvOrgUnit),
    }
    const result = await post(
        model,
        minor,
        user,
        'dataValueSets',
        { ...(dataSet ? { dataSet: dataSet.id } : {}), dataValues: [value] },
        {}
    )
    if (result?.status !== 200)
        fail(
            `dataValueSets answered ${String(result?.status)}: ${JSON.stringify(result?.body).slice(0, 2000)}`
        )
    else report.written.dataValue = `${String(aggregate.id)}/${period}/${dvOrgUnit}`
    return report
}
