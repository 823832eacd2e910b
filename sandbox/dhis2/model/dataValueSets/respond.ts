import { ApiResponse, Dhis2Minor } from '../../contract'
import { JsonRecord } from '../json'
import { respond, webMessage } from '../webMessage'
import { DataImportOptions } from './parse'
import { DataImportResult } from './result'

/** `importOptions` as DHIS2 echoes it (fixtures/dhis2/responses/dataValueSets-*.json). */
export function importOptionsJson(options: DataImportOptions): JsonRecord {
    const idSchemes: JsonRecord = {}
    for (const [name, value] of Object.entries(options.idSchemes.given))
        idSchemes[name] = { type: value }
    return {
        idSchemes,
        dryRun: options.dryRun,
        async: options.async,
        importStrategy: options.importStrategy,
        mergeMode: 'REPLACE',
        reportMode: 'FULL',
        skipExistingCheck: options.skipExistingCheck,
        sharing: false,
        skipNotifications: false,
        skipAudit: options.skipAudit,
        datasetAllowsPeriods: false,
        strictPeriods: options.strict.strictPeriods,
        strictDataElements: options.strict.strictDataElements,
        strictCategoryOptionCombos: options.strict.strictCategoryOptionCombos,
        strictAttributeOptionCombos: options.strict.strictAttributeOptionCombos,
        strictOrganisationUnits: options.strict.strictOrganisationUnits,
        strictDataSetApproval: false,
        strictDataSetLocking: false,
        strictDataSetInputPeriods: false,
        requireCategoryOptionCombo: options.strict.requireCategoryOptionCombo,
        requireAttributeOptionCombo: options.strict.requireAttributeOptionCombo,
        skipPatternValidation: false,
        ignoreEmptyCollection: false,
        force: options.force,
        firstRowIsHeader: true,
        skipLastUpdated: false,
        mergeDataValues: false,
        skipCache: false,
    }
}

/** The plain ImportSummary; `rejectedIndexes` from 2.41, no `description` on 2.43 (§3.1, §7). */
export function importSummary(
    result: DataImportResult,
    options: DataImportOptions,
    minor: Dhis2Minor
): JsonRecord {
    const summary: JsonRecord = {
        responseType: 'ImportSummary',
        status: result.status,
        importOptions: importOptionsJson(options),
    }
    if (minor < 43)
        summary.description = result.description ?? 'Import process completed successfully'
    summary.importCount = result.importCount
    // `ImportConflict(object, message)` (no error code) has neither objects nor indexes, and
    // ImportConflict is serialised NON_NULL: only `object` and `value` remain.
    summary.conflicts = result.conflicts.list.map((c) =>
        c.errorCode === undefined ? { object: c.object, value: c.value } : c
    )
    summary.dataSetComplete = result.dataSetComplete
    if (minor >= 41) {
        const rejected = new Set(result.conflicts.rejected)
        for (const c of result.conflicts.list)
            for (const i of c.indexes) if (i >= 0) rejected.add(i)
        summary.rejectedIndexes = [...rejected].sort((a, b) => a - b)
    }
    return summary
}

/**
 * HTTP wrapping per version (§3.1 table, §7): plain 200 on `/api/37/` (2.38–2.41); otherwise a
 * WebMessage, 409 on conflicts — except 2.43, where WARNING is a 200.
 */
export function dataImportResponse(
    summary: JsonRecord,
    status: DataImportResult['status'],
    minor: Dhis2Minor,
    pathVersion: number | undefined
): ApiResponse {
    if (pathVersion !== undefined && pathVersion <= 37 && minor <= 41) return respond(200, summary)
    if (status === 'SUCCESS')
        return respond(200, webMessage(200, 'OK', 'Import was successful.', { response: summary }))
    if (status === 'ERROR')
        return respond(
            409,
            webMessage(409, 'ERROR', 'An error occurred, please check import summary.', {
                response: summary,
            })
        )
    if (minor >= 43) {
        return respond(
            200,
            webMessage(
                200,
                'WARNING',
                'Import completed with warnings, please check import summary.',
                { response: summary }
            )
        )
    }
    return respond(
        409,
        webMessage(409, 'WARNING', 'One more conflicts encountered, please check import summary.', {
            response: summary,
        })
    )
}
