import { Dhis2Minor } from '../../contract'
import { DataModel } from '../index'
import { JsonRecord, records } from '../json'
import { fixedClock } from '../testing/clock'
import { bdModel, body, buildRequest, call } from '../testing/request'

/** Synchronous tracker imports and what the tests read back from them (test helper). */

export async function syncImport(
    minor: Dhis2Minor,
    payload: unknown,
    query: Record<string, string> = {},
    model = bdModel(minor, { clock: fixedClock })
) {
    const res = await call(
        model,
        buildRequest(minor, 'POST', 'tracker', {
            body: payload,
            query: { async: 'false', ...query },
        })
    )
    return { res, report: body(res), model }
}

/** The error codes of an import report's validation report, in order. */
export const errorCodes = (report: JsonRecord) =>
    records((report.validationReport as JsonRecord).errorReports).map((e) => e.errorCode)

/** The HTTP status of a GET, e.g. 404 for an object the import did not save. */
export async function statusOf(model: DataModel, minor: Dhis2Minor, path: string): Promise<number> {
    return (await call(model, buildRequest(minor, 'GET', path))).status
}
