import { ApiRequest, ApiResponse } from '../../contract'
import { ModelContext, wrapsJobResponseType } from '../context'
import { JobQueue } from '../jobs'
import { badRequest, notFound, respond, webMessage } from '../webMessage'
import { jobParameters, runTrackerImport } from './import'
import { parseTrackerPayload } from './payload'
import { getTrackerObject, queryEnrollments, queryEvents, queryTrackedEntities } from './query'
import { unreadableRelationshipItem } from './relationshipShape'
import { unreadableDate } from './unreadableDates'
import { withUidReferences } from './idSchemes'
import { completionMessage, reportForMode } from './report'
import { readReportMode, readTrackerParams } from './requestParams'

/** Async `response.responseType` per version (§3.2, §7): 2.42.5+ and 2.43.1 say `TrackerJob` again. */
function jobResponseType(ctx: ModelContext): string | undefined {
    if (ctx.minor === 41) return undefined
    return wrapsJobResponseType(ctx) ? 'TrackerJobWebMessageResponse' : 'TrackerJob'
}

/** `POST /api/tracker`, its job endpoints, and the tracker export endpoints (§3.2, §3.3). */
export function handleTracker(
    ctx: ModelContext,
    jobs: JobQueue,
    request: ApiRequest
): ApiResponse | undefined {
    const { path, method, minor } = request
    if (path === 'tracker' && method === 'POST') {
        // 2.40+ binds the parameters (the handler's first argument) before reading the body;
        // 2.38–2.39 read the body, then `TrackerImportParamsValidator` checks the parameters.
        const read = readTrackerParams(request.query, minor)
        if (minor >= 40 && 'badRequest' in read) return badRequest(read.badRequest)
        const unreadable = unreadableRelationshipItem(request.body, minor)
        if (unreadable) return badRequest(unreadable)
        const unreadableAt = unreadableDate(request.body, minor)
        if (unreadableAt) return badRequest(unreadableAt)
        const parsed = parseTrackerPayload(request.body)
        if (!parsed) return badRequest('Request body must be a JSON object')
        const bundle = withUidReferences(ctx, parsed, request.query)
        if ('badRequest' in read) return badRequest(read.badRequest)
        const { params } = read
        if (request.query.get('async') === 'false') {
            const { report, status } = runTrackerImport(ctx, request.user, bundle, params)
            // `TrackerImportController.syncPostJsonTracker`: 409 only for status ERROR.
            return respond(status === 'ERROR' ? 409 : 200, reportForMode(report, params.reportMode))
        }
        const id = jobs.submit('TRACKER_IMPORT_JOB', jobParameters(request.user, params), () => {
            const { report, stats, status } = runTrackerImport(ctx, request.user, bundle, params)
            return { report, completionMessage: completionMessage(status, stats) }
        })
        const location = `${request.baseUrl}/api/tracker/jobs/${id}`
        const responseType = jobResponseType(ctx)
        return respond(
            200,
            webMessage(200, 'OK', 'Tracker job added', {
                response: { ...(responseType ? { responseType } : {}), id, location },
            }),
            { Location: location }
        )
    }
    if (method !== 'GET') return undefined
    const job = /^tracker\/jobs\/([^/]+)(\/report)?$/.exec(path)
    if (job) {
        const id = job[1] ?? ''
        if (!job[2]) return respond(200, jobs.notifications('TRACKER_IMPORT_JOB', id) ?? [])
        // `getJobReport`: the reportMode parameter is converted before the handler runs.
        const mode = readReportMode(request.query, minor)
        if ('badRequest' in mode) return badRequest(mode.badRequest)
        const report = jobs.report('TRACKER_IMPORT_JOB', id)
        if (!report?.ready)
            return notFound(`Import report for job with uid ${id} not found or not ready`, minor)
        return respond(200, reportForMode(report.report, mode.reportMode))
    }
    if (path === 'tracker/trackedEntities') return queryTrackedEntities(ctx, request)
    if (path === 'tracker/enrollments') return queryEnrollments(ctx, request)
    if (path === 'tracker/events') return queryEvents(ctx, request)
    const single = /^tracker\/(trackedEntities|enrollments|events)\/([^/]+)$/.exec(path)
    if (single) return getTrackerObject(ctx, request, single[1] ?? '', single[2] ?? '')
    return undefined
}
