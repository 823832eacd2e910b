import { adminGet } from '../support/dhis2'
import { check, field, listOf, numberIn, stringOf, textsOf } from '../support/check'
import { NOT_CONFIGURED, noLongerExpected, openPage, type Journey } from './context'

/** The EPI centres of the BD package: OpenSRP names its facilities the same. */
async function facilityNames(journey: Journey): Promise<string[]> {
    const answer = await adminGet(
        journey.dhis2.url,
        'organisationUnits?filter=level:eq:6&fields=id,name&paging=false'
    )
    return listOf(field(answer, 'organisationUnits')).flatMap((ou) => {
        const name = stringOf(field(ou, 'name'))
        return name ? [name] : []
    })
}

/**
 * Mapping page: the admin starts from the Bangladesh template, reviews how each OpenSRP location
 * matched a DHIS2 org unit (every EPI centre matched, none left to choose), and validates the
 * mappings against DHIS2's live metadata without a problem.
 */
export async function applyTemplateAndValidate(journey: Journey): Promise<void> {
    const app = await openPage(journey, 'mapping')
    await app.getByText('No mappings yet').waitFor()
    await app.getByRole('button', { name: 'Start from the Bangladesh template' }).click()

    await app.locator('[data-test="match-count"]').waitFor()
    noLongerExpected(journey, NOT_CONFIGURED)
    const keys = listOf(await adminGet(journey.dhis2.url, 'dataStore/opensrp-connector'))
    check(
        keys.includes('settings') && keys.includes('mappings'),
        `the template did not save settings and mappings (dataStore keys: ${keys.join(', ')})`
    )
    const summary = (await textsOf(app.locator('[data-test="match-count"]'))).join(' ')
    const [matched, total] = [numberIn(summary), numberIn(summary.replace(/^\D*\d+/, ''))]
    check(
        matched !== undefined && total !== undefined && total > 0 && matched === total,
        `not every OpenSRP location has an org unit: ${summary}`
    )
    const rows = app.locator('[data-test="location-row"]')
    check(
        (await rows.count()) === total,
        `${total} locations counted, ${await rows.count()} listed`
    )
    for (const name of await facilityNames(journey)) {
        const row = rows.filter({ hasText: name })
        const cells = await textsOf(row.locator('td'))
        check(
            cells.length === 3,
            `the EPI centre ${name} is not listed once (${cells.join(' | ')})`
        )
        check(
            cells[2] === name && /^(Same UID|By attribute|By code|By name)$/.test(cells[1] ?? ''),
            `the EPI centre ${name} did not match itself: ${cells.join(' | ')}`
        )
    }
    await journey.shots.take('mapping-org-units', app, app.locator('[data-test="match-count"]'))

    await app.getByRole('tab', { name: 'Validate' }).click()
    await app.getByRole('button', { name: 'Validate against DHIS2' }).click()
    const verdict = app.getByText(/The mappings fit this DHIS2|problems stop imports/)
    await verdict.waitFor()
    const said = (await textsOf(app.locator('[data-test="mapping-validate"]'))).join(' ')
    check(said.includes('The mappings fit this DHIS2'), `validation found problems: ${said}`)
    await journey.shots.take('mapping-validate', app)
}
