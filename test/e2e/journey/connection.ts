import { adminGet } from '../support/dhis2'
import { check, field, listOf, numberIn, stringOf, textsOf } from '../support/check'
import { openPage, type Journey } from './context'

const OPENSRP_USER = 'opensrp-admin'
const OPENSRP_PASSWORD = 'Admin123'

/** The route as DHIS2 keeps it, read as admin (the oracle: not the app's own reading). */
async function storedRoute(journey: Journey): Promise<unknown> {
    const answer = await adminGet(
        journey.dhis2.url,
        'routes?filter=code:eq:opensrp&fields=code,url,auth[type,username],authorities,sharing&paging=false'
    )
    const routes = listOf(field(answer, 'routes'))
    check(routes.length === 1, `DHIS2 holds ${routes.length} routes with code opensrp, not 1`)
    return routes[0]
}

/**
 * Connection page: the admin creates the `opensrp` route (OpenSRP's address, http-basic) through
 * the form, DHIS2 stores it private and runnable by import operators, the password never shows
 * again, and "Test connection" says every check works.
 */
export async function createRouteAndTestIt(journey: Journey): Promise<void> {
    const app = await openPage(journey, 'connection')
    await app.getByText('No route yet').waitFor()
    await app.locator('input[name="url"]').fill(journey.opensrp.url)
    await app.locator('input[name="username"]').fill(OPENSRP_USER)
    await app.locator('input[name="password"]').fill(OPENSRP_PASSWORD)
    await app.getByRole('button', { name: 'Save route' }).click()
    await app.getByText('Route saved', { exact: true }).waitFor()

    const route = await storedRoute(journey)
    check(
        stringOf(field(route, 'url')) === `${journey.opensrp.url}/**`,
        `the route's URL is ${String(field(route, 'url'))}, not ${journey.opensrp.url}/**`
    )
    check(
        stringOf(field(field(route, 'auth'), 'type')) === 'http-basic' &&
            stringOf(field(field(route, 'auth'), 'username')) === OPENSRP_USER,
        'the route does not sign in with http-basic as opensrp-admin'
    )
    check(
        listOf(field(route, 'authorities')).includes('OPENSRP_CONNECTOR_RUN_IMPORT'),
        'import operators (OPENSRP_CONNECTOR_RUN_IMPORT) cannot run the route'
    )
    check(
        stringOf(field(field(route, 'sharing'), 'public')) === '--------',
        `the route is public (sharing ${JSON.stringify(field(route, 'sharing'))})`
    )

    const facts = (await textsOf(app.locator('[data-test="route-facts"]'))).join(' ')
    check(facts.includes(journey.opensrp.url), `the route facts do not name OpenSRP: ${facts}`)
    check(facts.includes('User name and password'), `the route facts hide the sign-in: ${facts}`)
    check(
        (await app.locator('input[type="password"]').count()) === 0,
        'a password field is still on the page after saving'
    )
    check(
        !(await app.locator('body').innerText()).includes(OPENSRP_PASSWORD),
        'the OpenSRP password shows on the page after saving'
    )

    await app.getByRole('button', { name: 'Test connection' }).click()
    const verdict = app.locator('[data-test="connection-verdict"]')
    await verdict.waitFor()
    const said = (await textsOf(verdict)).join(' ')
    check(said.includes('The connection works'), `the connection test did not pass: ${said}`)
    for (const name of ['events-count', 'clients-count', 'locations', 'events-read']) {
        const line = (await textsOf(verdict.locator(`[data-test="check-${name}"]`))).join(' ')
        check(line.startsWith('Works'), `connection check ${name}: ${line || 'not shown'}`)
        if (name.endsWith('-count')) {
            const count = numberIn(line.replace(/^[^(]*/, ''))
            check(
                count !== undefined && count > 0,
                `connection check ${name} counts nothing: ${line}`
            )
        }
    }
    await journey.shots.take('connection-verdict', app, verdict)
}
