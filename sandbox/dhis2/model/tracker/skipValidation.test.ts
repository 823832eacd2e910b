/**
 * @jest-environment node
 */
import { JsonRecord } from '../json'
import { fixedClock } from '../testing/clock'
import { ADMIN, EPI_IMPORTER, bdModel, body, buildRequest, call } from '../testing/request'
import { trackedEntity } from './testData'
import { errorCodes } from './testImport'

/** `DefaultValidationService.validate`: validationMode SKIP skips validation for a superuser only. */

const twins = {
    trackedEntities: [
        trackedEntity('SkipTwin001', 'SAME-ID'),
        trackedEntity('SkipTwin002', 'SAME-ID'),
    ],
}

async function post(user = ADMIN) {
    const model = bdModel(41, { clock: fixedClock })
    const res = await call(
        model,
        buildRequest(41, 'POST', 'tracker', {
            body: twins,
            user,
            query: { async: 'false', validationMode: 'SKIP' },
        })
    )
    return { status: res.status, report: body(res) }
}

describe('validationMode=SKIP on 2.41', () => {
    it('a superuser imports objects that validation would reject', async () => {
        const { status, report } = await post()
        expect(status).toBe(200)
        expect(errorCodes(report)).toEqual([])
        expect(report.stats).toEqual({ created: 2, updated: 0, deleted: 0, ignored: 0, total: 2 })
    })

    it('anyone else is validated as usual', async () => {
        const { status, report } = await post(EPI_IMPORTER)
        expect(status).toBe(409)
        expect(errorCodes(report as JsonRecord)).toEqual(['E1064', 'E1064'])
    })
})
