import { useDataEngine, useDataQuery } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, ButtonStrip, Card, CircularLoader, NoticeBox } from '@dhis2/ui'
import React, { useState } from 'react'
import { DEFAULT_ROUTE_CODE } from '../../../core/config/defaults'
import type { EventSelection } from '../../../core/ports/openSrpSource'
import { engineRouteTransport } from '../../connection/engineRouteTransport'
import {
    baseUrlOf,
    checkRouteForm,
    createRoute,
    EMPTY_ROUTE_FORM,
    readExistingRoute,
    ROUTE_LIST_QUERY,
    routeBody,
    updateRoute,
    type ExistingRoute,
    type RouteAuthType,
    type RouteForm,
} from '../../connection/routeApi'
import { plain } from '../../i18n/plain'
import { RUN_IMPORT_AUTHORITY } from '../../user/access'
import classes from './ConnectionPage.module.css'
import { ConnectionTest } from './ConnectionTest'
import { authLabel, RouteFormFields } from './RouteFormFields'

const isAuthType = (type: string | undefined): type is RouteAuthType =>
    type === 'http-basic' || type === 'api-token' || type === 'oauth2-client-credentials'

function RouteFacts({ route }: { route: ExistingRoute }) {
    const isPublic = route.publicAccess !== undefined && route.publicAccess.startsWith('r')
    const runByOperators = route.authorities.includes(RUN_IMPORT_AUTHORITY)
    return (
        <>
            <dl className={classes.facts} data-test="route-facts">
                <dt>{i18n.t('Route code')}</dt>
                <dd>{route.code}</dd>
                <dt>{i18n.t('OpenSRP address')}</dt>
                <dd>{baseUrlOf(route.url)}</dd>
                <dt>{i18n.t('Sign-in')}</dt>
                <dd>
                    {isAuthType(route.authType)
                        ? authLabel(route.authType)
                        : (route.authType ?? i18n.t('none'))}{' '}
                    · {i18n.t('the secret is kept by DHIS2 and never shown')}
                </dd>
            </dl>
            {isPublic && (
                <NoticeBox warning title={i18n.t('Anyone can use this route')}>
                    {i18n.t(
                        'Every DHIS2 user can read OpenSRP through this route. Save it again to make it private.'
                    )}
                </NoticeBox>
            )}
            {!runByOperators && (
                <NoticeBox warning title={i18n.t('Import operators cannot use this route')}>
                    {i18n.t(
                        'Save the route again so that users with the {{authority}} authority can run imports.',
                        plain({ authority: RUN_IMPORT_AUTHORITY })
                    )}
                </NoticeBox>
            )}
        </>
    )
}

/** The DHIS2 route to OpenSRP (2.40+): see it, create or change it, test it. */
export function RouteSection({ minor, selection }: { minor: number; selection: EventSelection }) {
    const engine = useDataEngine()
    const { loading, error, data, refetch } = useDataQuery(ROUTE_LIST_QUERY)
    const existing = readExistingRoute(data?.routes)
    const [editing, setEditing] = useState(false)
    const [form, setForm] = useState<RouteForm>(EMPTY_ROUTE_FORM)
    const [tried, setTried] = useState(false)
    const [saving, setSaving] = useState(false)
    const [saveError, setSaveError] = useState<string | undefined>()
    const [saved, setSaved] = useState(false)
    const problems = checkRouteForm(form)

    if (loading) return <CircularLoader small />
    if (error) {
        return (
            <NoticeBox error title={i18n.t('Could not read the DHIS2 routes')}>
                {error.message}
            </NoticeBox>
        )
    }

    const startEditing = () => {
        setForm({
            ...EMPTY_ROUTE_FORM,
            url: existing ? baseUrlOf(existing.url) : '',
            authType:
                existing?.authType === 'api-token' ||
                existing?.authType === 'oauth2-client-credentials'
                    ? existing.authType
                    : 'http-basic',
        })
        setTried(false)
        setSaved(false)
        setEditing(true)
    }

    const save = async () => {
        setTried(true)
        if (Object.keys(problems).length > 0) return
        setSaving(true)
        setSaveError(undefined)
        try {
            const body = routeBody(form)
            await engine.mutate(existing ? updateRoute(existing.id, body) : createRoute(body))
            // Secrets leave the page as soon as DHIS2 has them.
            setForm(EMPTY_ROUTE_FORM)
            setEditing(false)
            setSaved(true)
            await refetch()
        } catch (failure) {
            setSaveError(failure instanceof Error ? failure.message : String(failure))
        } finally {
            setSaving(false)
        }
    }

    const showForm = editing || !existing
    return (
        <div className={classes.stack}>
            <Card>
                <section className={classes.section} aria-labelledby="route-title">
                    <h2 id="route-title" className={classes.sectionTitle}>
                        {i18n.t('DHIS2 route to OpenSRP')}
                    </h2>
                    <p>
                        {i18n.t(
                            'DHIS2 keeps the OpenSRP credentials in a route and calls OpenSRP for the connector, so no password reaches the browser.'
                        )}
                    </p>
                    {saved && (
                        <NoticeBox valid title={i18n.t('Route saved')}>
                            {i18n.t('Test the connection to see that OpenSRP accepts it.')}
                        </NoticeBox>
                    )}
                    {existing && <RouteFacts route={existing} />}
                    {!existing && (
                        <NoticeBox title={i18n.t('No route yet')}>
                            {i18n.t(
                                "Fill in OpenSRP's address and credentials to create the route '{{code}}'.",
                                plain({ code: DEFAULT_ROUTE_CODE })
                            )}
                        </NoticeBox>
                    )}
                    {showForm && (
                        <form
                            className={classes.form}
                            onSubmit={(event) => {
                                event.preventDefault()
                                void save()
                            }}
                            aria-label={i18n.t('Route settings')}
                        >
                            {existing && (
                                <p>
                                    {i18n.t(
                                        'DHIS2 never shows stored secrets. Type the credentials again to save the route.'
                                    )}
                                </p>
                            )}
                            <RouteFormFields
                                form={form}
                                onChange={setForm}
                                problems={problems}
                                showProblems={tried}
                                minor={minor}
                            />
                            {saveError && (
                                <NoticeBox error title={i18n.t('The route was not saved')}>
                                    {saveError}
                                </NoticeBox>
                            )}
                            <ButtonStrip>
                                <Button primary type="submit" disabled={saving}>
                                    {saving ? i18n.t('Saving…') : i18n.t('Save route')}
                                </Button>
                                {existing && (
                                    <Button secondary onClick={() => setEditing(false)}>
                                        {i18n.t('Cancel')}
                                    </Button>
                                )}
                            </ButtonStrip>
                        </form>
                    )}
                    {!showForm && (
                        <Button onClick={startEditing}>{i18n.t('Change the route')}</Button>
                    )}
                </section>
            </Card>
            <Card>
                <section className={classes.section} aria-labelledby="test-title">
                    <h2 id="test-title" className={classes.sectionTitle}>
                        {i18n.t('Test the connection')}
                    </h2>
                    <ConnectionTest
                        transport={() => engineRouteTransport(engine, DEFAULT_ROUTE_CODE)}
                        selection={selection}
                        viaRoute
                        disabled={!existing}
                    />
                </section>
            </Card>
        </div>
    )
}
