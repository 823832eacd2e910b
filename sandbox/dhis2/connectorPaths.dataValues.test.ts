/**
 * @jest-environment node
 */
import { readBdMetadata } from '../shared/hierarchy'
import { BD, api, asJson, asList, start, stopAll, summaryOf, user } from './connectorPaths.support'
import {
    FOUR,
    MINORS,
    PARAMS,
    monthly,
    post,
    stored,
    written,
} from './connectorPaths.dataValueSupport'
import { ADMIN, NURSE } from './testUtils'

/**
 * dataValueSets as the OpenSRP connector sends them (reference §3.1, §6, §7), through HTTP on the
 * versions whose behaviour differs: 2.40 (DEFAULT_PATCH 2.40.12), 2.41, 2.42, 2.43.
 */

afterEach(stopAll)

describe.each(MINORS)('dataValueSets on 2.%i', (minor) => {
    it('imports the monthly Sex-disaggregated set by UID: 200 wrapper, counts, values stored', async () => {
        const { url } = await start(minor)
        const reply = await post(url, monthly(FOUR))
        expect(reply.status).toBe(200)
        expect(reply.body).toMatchObject({
            httpStatus: 'OK',
            httpStatusCode: 200,
            status: 'OK',
            message: 'Import was successful.',
            response: { responseType: 'ImportSummary', status: 'SUCCESS', conflicts: [] },
        })
        const summary = summaryOf(reply.body)
        expect(summary.importCount).toEqual(written(minor, 4, 0))
        expect('description' in summary).toBe(minor < 43)
        expect('rejectedIndexes' in summary).toBe(minor >= 41)
        // EPI_OPV0 has zeroIsSignificant=true: the 0 is stored like any other value.
        const values = await stored(url)
        expect(values.map((v) => [v.dataElement, v.categoryOptionCombo, v.value]).sort()).toEqual(
            FOUR.slice().sort()
        )
    })

    it('resolves the org unit by CODE (orgUnitIdScheme=CODE) and echoes the scheme', async () => {
        const { url } = await start(minor)
        const reply = await post(
            url,
            monthly(FOUR, { orgUnit: BD.ward1Code }),
            `${PARAMS}&orgUnitIdScheme=CODE`
        )
        expect(reply.status).toBe(200)
        const summary = summaryOf(reply.body)
        expect(summary.importCount).toEqual(written(minor, 4, 0))
        expect(asJson(summary.importOptions).idSchemes).toEqual({
            orgUnitIdScheme: { type: 'CODE' },
        })
        expect(await stored(url)).toHaveLength(4)
    })

    it('dryRun=true counts as if importing but stores nothing', async () => {
        const { url } = await start(minor)
        const reply = await post(url, monthly(FOUR), `${PARAMS}&dryRun=true`)
        expect(reply.status).toBe(200)
        const summary = summaryOf(reply.body)
        expect(summary.importCount).toEqual(written(minor, 4, 0))
        expect(asJson(summary.importOptions).dryRun).toBe(true)
        expect(await stored(url)).toEqual([])
    })

    it('re-sending identical values: ignored from 2.40.3, updated on 2.43; a changed value is updated', async () => {
        const { url } = await start(minor)
        await post(url, monthly(FOUR))
        const again = await post(url, monthly(FOUR))
        expect(again.status).toBe(200)
        expect(summaryOf(again.body).importCount).toEqual(
            minor >= 43
                ? { imported: 0, updated: 4, ignored: 0, deleted: 0 }
                : { imported: 0, updated: 0, ignored: 4, deleted: 0 }
        )
        const changed = FOUR.map(([de, coc, value]): [string, string, string] =>
            de === BD.bcg && coc === BD.male ? [de, coc, '6'] : [de, coc, value]
        )
        const third = await post(url, monthly(changed))
        expect(summaryOf(third.body).importCount).toEqual(
            minor >= 43
                ? { imported: 0, updated: 4, ignored: 0, deleted: 0 }
                : { imported: 0, updated: 1, ignored: 3, deleted: 0 }
        )
        const bcgMale = (await stored(url)).find(
            (v) => v.dataElement === BD.bcg && v.categoryOptionCombo === BD.male
        )
        expect(bcgMale?.value).toBe('6')
    })

    it('0 for a cell that emptied: stored when zeroIsSignificant, deleted when not (2.43: written)', async () => {
        const { url } = await start(minor)
        await post(url, monthly(FOUR))
        const zeroBcg = FOUR.map(([de, coc, value]): [string, string, string] =>
            de === BD.bcg && coc === BD.male ? [de, coc, '0'] : [de, coc, value]
        )
        const significant = await post(url, monthly(zeroBcg))
        expect(summaryOf(significant.body).importCount).toEqual(
            minor >= 43
                ? { imported: 0, updated: 4, ignored: 0, deleted: 0 }
                : { imported: 0, updated: 1, ignored: 3, deleted: 0 }
        )
        const bcgMale = (await stored(url)).find(
            (v) => v.dataElement === BD.bcg && v.categoryOptionCombo === BD.male
        )
        expect(bcgMale?.value).toBe('0')

        // A ministry that leaves zeroIsSignificant off for BCG: the zero clears the stored value.
        const bcg = asList(readBdMetadata().dataElements).find((de) => de.id === BD.bcg)
        const off = await api(`${url}/api/metadata`, 'POST', ADMIN, {
            dataElements: [{ ...bcg, zeroIsSignificant: false }],
        })
        expect(off.status).toBe(200)
        await post(url, monthly([[BD.bcg, BD.female, '7']]))
        const cleared = await post(url, monthly([[BD.bcg, BD.female, '0']]))
        expect(summaryOf(cleared.body).importCount).toEqual(
            // 2.43 counts the zero as written (§7 importCount); whether it is stored is open.
            minor >= 43
                ? { imported: 0, updated: 1, ignored: 0, deleted: 0 }
                : { imported: 0, updated: 0, ignored: 0, deleted: 1 }
        )
        if (minor < 43) {
            const left = await stored(url)
            expect(
                left.some((v) => v.dataElement === BD.bcg && v.categoryOptionCombo === BD.female)
            ).toBe(false)
            // No stored value to clear: the insignificant zero is ignored.
            const nothing = await post(url, monthly([[BD.bcg, BD.female, '0']]))
            expect(summaryOf(nothing.body).importCount).toEqual({
                imported: 0,
                updated: 0,
                ignored: 1,
                deleted: 0,
            })
        }
    })

    it('a nurse without F_DATAVALUE_ADD gets 403 before any validation', async () => {
        const { url } = await start(minor)
        const reply = await post(url, monthly(FOUR), PARAMS, NURSE)
        expect(reply.status).toBe(403)
        expect(reply.body).toMatchObject({
            httpStatus: 'Forbidden',
            httpStatusCode: 403,
            status: 'ERROR',
        })
        expect(await stored(url)).toEqual([])
    })

    it('a value outside the capture scope: E7617 (409 WARNING), 2.43 E8011 (409 ERROR)', async () => {
        const { url, server } = await start(minor)
        user(server, 'nurse').authorities.push('F_DATAVALUE_ADD')
        const reply = await post(url, monthly(FOUR, { orgUnit: BD.ward2 }), PARAMS, NURSE)
        expect(reply.status).toBe(409)
        const summary = summaryOf(reply.body)
        const conflicts = asList(summary.conflicts)
        expect(conflicts).toHaveLength(1)
        if (minor >= 43) {
            expect(reply.body).toMatchObject({ httpStatus: 'Conflict', status: 'ERROR' })
            expect(conflicts[0]).toMatchObject({ errorCode: 'E8011', indexes: [0, 1, 2, 3] })
            // Group-level rejects are not counted as ignored (§7).
            expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 0 })
        } else {
            expect(reply.body).toMatchObject({
                httpStatus: 'Conflict',
                status: 'WARNING',
                message: 'One more conflicts encountered, please check import summary.',
            })
            expect(conflicts[0]).toMatchObject({
                errorCode: 'E7617',
                objects: { organisationUnit: BD.ward2, user: 'aNk5AyC7ydy' },
                indexes: [0, 1, 2, 3],
            })
            expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 4, deleted: 0 })
        }
        if (minor >= 41) expect(summary.rejectedIndexes).toEqual([0, 1, 2, 3])
    })

    it('strict import without any attributeOptionCombo: E7631 before 2.43 (requireAttributeOptionCombo)', async () => {
        const { url } = await start(minor)
        const reply = await post(url, monthly(FOUR, { attributeOptionCombo: undefined }))
        if (minor >= 43) {
            // 2.43 removed the strict settings; the data set's default AOC applies.
            expect(reply.status).toBe(200)
            return
        }
        expect(reply.status).toBe(409)
        const conflicts = asList(summaryOf(reply.body).conflicts)
        expect(conflicts.map((c) => c.errorCode)).toEqual(['E7631'])
        expect(await stored(url)).toEqual([])
    })

    it('an org unit not assigned to the data set (strict import): E7636, 2.43 E8022', async () => {
        const { url } = await start(minor)
        const reply = await post(url, monthly(FOUR, { orgUnit: BD.union }))
        expect(reply.status).toBe(409)
        // Before 2.43 one conflict per data element (E7636 names it), indexes merged.
        const conflicts = asList(summaryOf(reply.body).conflicts)
        expect(new Set(conflicts.map((c) => c.errorCode))).toEqual(
            new Set([minor >= 43 ? 'E8022' : 'E7636'])
        )
        expect(conflicts.flatMap((c) => c.indexes).sort()).toEqual([0, 1, 2, 3])
    })
})
