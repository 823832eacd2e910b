import { ApiRequest, ApiResponse } from '../../contract'
import { ModelContext, wrapsJobResponseType } from '../context'
import { formatDateTime } from '../dates'
import { isRecord } from '../json'
import { JobQueue } from '../jobs'
import { badRequest, forbidden, respond, webMessage } from '../webMessage'
import { readDataValueAudits } from './audits'
import { import243 } from './import243'
import { importClassic } from './importClassic'
import { DataImportOptions, InputDataValueSet, parseDataValueSet, parseOptions } from './parse'
import { dataValueSetBody, isCsvPost } from './payload'
import { isAdx, readAdx } from './adxReader'
import { asXml, wantsXml } from '../xmlReply'
import { readDataValueSets } from './read'
import { dataImportResponse, importSummary } from './respond'
import { DataImportResult } from './result'

function runImport(
    ctx: ModelContext,
    set: InputDataValueSet,
    options: DataImportOptions,
    request: ApiRequest
): DataImportResult {
    return ctx.minor >= 43
        ? import243(ctx, set, options, request.user)
        : importClassic(ctx, set, options, request.user)
}

/**
 * `WebMessageUtils.jobConfigurationReport` says "Initiated " + the job's name: before 2.41
 * `dataValueImport`; from 2.41.0 `new JobConfiguration(DATAVALUE_IMPORT)` names it
 * `DATAVALUE_IMPORT (<epoch millis>)` (`JobConfiguration` constructor).
 */
function asyncJobName(ctx: ModelContext): string {
    return ctx.minor >= 41 ? `DATAVALUE_IMPORT (${ctx.now().getTime()})` : 'dataValueImport'
}

/** `dataValueSets` and the DATAVALUE_IMPORT task endpoints (§3.1). */
export function handleDataValueSets(
    ctx: ModelContext,
    jobs: JobQueue,
    request: ApiRequest
): ApiResponse | undefined {
    const { path, method } = request
    if (path === 'dataValueSets' && method === 'GET') return readDataValueSets(ctx, request)
    if (path === 'audits/dataValue' && method === 'GET') return readDataValueAudits(ctx, request)
    if (path === 'dataValueSets' && method === 'POST' && wantsXml(request.accept)) {
        // The same answer, rendered by DHIS2's XML message converter.
        const reply = handleDataValueSets(ctx, jobs, { ...request, accept: undefined })
        return reply && asXml(reply)
    }
    if (path === 'dataValueSets' && method === 'POST') {
        // DataValueSetController: `hasRole('ALL') or hasRole('F_DATAVALUE_ADD')` on every POST.
        const { authorities } = request.user
        if (!authorities.includes('ALL') && !authorities.includes('F_DATAVALUE_ADD'))
            return forbidden()
        const body = isAdx(request.contentType)
            ? readAdx(request.rawBody.toString('utf8'))
            : dataValueSetBody(request)
        const set = parseDataValueSet(body, !isCsvPost(request))
        if (!set || !isRecord(body))
            return badRequest(
                'Invalid data value set: expected a JSON object with a `dataValues` array'
            )
        const options = parseOptions(request.query, body)
        if (!options.async) {
            const result = runImport(ctx, set, options, request)
            return dataImportResponse(
                importSummary(result, options, ctx.minor),
                result.status,
                ctx.minor,
                request.pathVersion
            )
        }
        const id = jobs.submit(
            'DATAVALUE_IMPORT',
            {
                userId: request.user.id,
                importStrategy: options.importStrategy,
                dryRun: options.dryRun,
            },
            () => {
                const result = runImport(ctx, set, options, request)
                return {
                    report: importSummary(result, options, ctx.minor),
                    completionMessage: 'Import done. Completed in 0:00:00.037.',
                }
            }
        )
        const name = asyncJobName(ctx)
        return respond(
            200,
            webMessage(200, 'OK', `Initiated ${name}`, {
                response: {
                    name,
                    id,
                    created: formatDateTime(ctx.now()),
                    jobType: 'DATAVALUE_IMPORT',
                    jobStatus: 'SCHEDULED',
                    relativeNotifierEndpoint: `/api/system/tasks/DATAVALUE_IMPORT/${id}`,
                    responseType: wrapsJobResponseType(ctx)
                        ? 'JobConfigurationWebMessageResponse'
                        : 'JobConfiguration',
                },
            })
        )
    }
    const task = /^system\/(tasks|taskSummaries)\/DATAVALUE_IMPORT\/([^/]+)$/.exec(path)
    if (task && method === 'GET') {
        const id = task[2] ?? ''
        if (task[1] === 'tasks')
            return respond(200, jobs.notifications('DATAVALUE_IMPORT', id) ?? [])
        const report = jobs.report('DATAVALUE_IMPORT', id)
        // SystemController answers an unknown or unfinished job with 200 and an empty body.
        if (!report?.ready) return { status: 200 }
        return respond(200, report.report)
    }
    return undefined
}
