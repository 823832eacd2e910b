import { useDataEngine } from '@dhis2/app-runtime'
import i18n from '@dhis2/d2-i18n'
import { Button, Card, CircularLoader, InputField, NoticeBox } from '@dhis2/ui'
import React, { useState } from 'react'
import { parseSettings } from '../../../adapters/dhis2/configParse'
import { saveSettings } from '../../../adapters/dhis2/configStore'
import { createTransport } from '../../../adapters/opensrp/transport'
import { defaultSettings, newUidSalt } from '../../../core/config/defaults'
import type { ConnectorSettings } from '../../../core/config/types'
import { useKeyValueStore } from '../../config/useConfiguration'
import { checkRouteForm, EMPTY_ROUTE_FORM, type RouteForm } from '../../connection/routeApi'
import { readSecrets, saveSecrets, SECRETS_KEY } from '../../connection/secrets'
import { useAsync } from '../../hooks/useAsync'
import { plain } from '../../i18n/plain'
import classes from './ConnectionPage.module.css'
import { ConnectionTest } from './ConnectionTest'
import { problemText } from './RouteFormFields'

interface Stored {
    settings: ConnectorSettings | undefined
    hasSecrets: boolean
}

/** DHIS2 before 2.40 has no routes: the browser calls OpenSRP itself (OpenSRP must allow it). */
export function DirectSection({ minor }: { minor: number }) {
    const engine = useDataEngine()
    const kv = useKeyValueStore()
    const stored = useAsync<Stored>('direct', async (signal) => {
        const [settings, keys] = await Promise.all([
            kv.read('settings', { signal }),
            kv.keys({ signal }),
        ])
        const parsed = settings === undefined ? undefined : parseSettings(settings)
        return {
            settings: parsed?.ok ? parsed.value : undefined,
            hasSecrets: keys.includes(SECRETS_KEY),
        }
    })
    const [form, setForm] = useState<RouteForm>(EMPTY_ROUTE_FORM)
    const [tried, setTried] = useState(false)
    const [saving, setSaving] = useState(false)
    const [outcome, setOutcome] = useState<{ saved: true } | { error: string } | undefined>()

    if (stored.loading && !stored.value) return <CircularLoader small />
    if (stored.error || !stored.value) {
        return (
            <NoticeBox error title={i18n.t('Could not read the connector settings')}>
                {stored.error?.message}
            </NoticeBox>
        )
    }
    const { settings, hasSecrets } = stored.value
    const savedUrl = settings?.opensrp.mode === 'direct' ? settings.opensrp.baseUrl : undefined
    const url = form.url || savedUrl || ''
    const problems = checkRouteForm({ ...form, url })
    const set =
        (field: keyof RouteForm) =>
        ({ value }: { value?: string }) =>
            setForm({ ...form, [field]: value ?? '' })
    const error = (field: keyof RouteForm) => {
        const text = tried ? problemText(problems[field]) : undefined
        return text ? { error: true, validationText: text } : {}
    }

    const save = async () => {
        setTried(true)
        if (Object.keys(problems).length > 0) return
        setSaving(true)
        setOutcome(undefined)
        try {
            const base =
                settings ??
                defaultSettings({ uidSalt: newUidSalt(crypto.getRandomValues(new Uint8Array(16))) })
            const result = await saveSettings(kv, {
                ...base,
                opensrp: { mode: 'direct', baseUrl: url.trim().replace(/\/+$/, '') },
            })
            if (!result.ok) return setOutcome({ error: result.error.message })
            await saveSecrets(engine, {
                version: 1,
                opensrp: { type: 'basic', username: form.username.trim(), password: form.password },
            })
            setForm(EMPTY_ROUTE_FORM)
            setTried(false)
            setOutcome({ saved: true })
            stored.reload()
        } catch (failure) {
            setOutcome({ error: failure instanceof Error ? failure.message : String(failure) })
        } finally {
            setSaving(false)
        }
    }

    const transport = async () => {
        const auth =
            form.username && form.password
                ? {
                      type: 'basic' as const,
                      username: form.username.trim(),
                      password: form.password,
                  }
                : await readSecrets(kv)
        if (!auth || !url) {
            throw new Error(i18n.t('Type the OpenSRP address, user name and password first.'))
        }
        return createTransport(
            { mode: 'direct', baseUrl: url.trim(), auth },
            { retry: { maxAttempts: 1 } }
        )
    }

    return (
        <div className={classes.stack}>
            <Card>
                <section className={classes.section} aria-labelledby="direct-title">
                    <h2 id="direct-title" className={classes.sectionTitle}>
                        {i18n.t('OpenSRP server')}
                    </h2>
                    <NoticeBox warning title={i18n.t('This DHIS2 has no routes')}>
                        <p>
                            {i18n.t(
                                'DHIS2 2.{{minor}} cannot call OpenSRP for the connector, so this browser calls OpenSRP itself. OpenSRP must allow requests from {{origin}} (CORS), with the Authorization header.',
                                plain({ minor, origin: window.location.origin })
                            )}
                        </p>
                        <p>
                            {i18n.t(
                                'DHIS2 keeps the password encrypted in the connector settings, but every user of this app can use it. On DHIS2 2.40 or later a route keeps it out of the browser.'
                            )}
                        </p>
                    </NoticeBox>
                    {outcome && 'saved' in outcome && (
                        <NoticeBox valid title={i18n.t('Connection saved')}>
                            {i18n.t('Test the connection to see that OpenSRP accepts it.')}
                        </NoticeBox>
                    )}
                    <form
                        className={classes.form}
                        aria-label={i18n.t('OpenSRP server')}
                        onSubmit={(event) => {
                            event.preventDefault()
                            void save()
                        }}
                    >
                        {hasSecrets && (
                            <p>
                                {i18n.t(
                                    'A user name and password are saved and never shown. Type them again to change them.'
                                )}
                            </p>
                        )}
                        <InputField
                            name="url"
                            label={i18n.t('OpenSRP address')}
                            helpText={i18n.t(
                                'For example {{example}}',
                                plain({ example: 'https://opensrp.example.org/opensrp' })
                            )}
                            value={url}
                            onChange={set('url')}
                            required
                            {...error('url')}
                        />
                        <InputField
                            name="username"
                            label={i18n.t('OpenSRP user name')}
                            value={form.username}
                            onChange={set('username')}
                            autoComplete="off"
                            required
                            {...error('username')}
                        />
                        <InputField
                            name="password"
                            type="password"
                            label={i18n.t('OpenSRP password')}
                            value={form.password}
                            onChange={set('password')}
                            autoComplete="new-password"
                            required
                            {...error('password')}
                        />
                        {outcome && 'error' in outcome && (
                            <NoticeBox error title={i18n.t('The connection was not saved')}>
                                {outcome.error}
                            </NoticeBox>
                        )}
                        <div>
                            <Button primary type="submit" disabled={saving}>
                                {saving ? i18n.t('Saving…') : i18n.t('Save the connection')}
                            </Button>
                        </div>
                    </form>
                </section>
            </Card>
            <Card>
                <section className={classes.section} aria-labelledby="test-title">
                    <h2 id="test-title" className={classes.sectionTitle}>
                        {i18n.t('Test the connection')}
                    </h2>
                    <ConnectionTest
                        transport={transport}
                        selection={settings?.events ?? { endpoint: 'getAll' }}
                        viaRoute={false}
                    />
                </section>
            </Card>
        </div>
    )
}
