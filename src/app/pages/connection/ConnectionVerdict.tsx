import i18n from '@dhis2/d2-i18n'
import { NoticeBox, Tag } from '@dhis2/ui'
import React from 'react'
import type { CheckName, CheckResult } from '../../connection/connectionChecks'
import { useFormat } from '../../format/useFormat'
import { plain } from '../../i18n/plain'
import { adviceFor } from './advice'
import classes from './ConnectionPage.module.css'

/** Codes whose advice is general: the adapter's own (English) words add the specifics. */
const TECHNICAL: ReadonlySet<string> = new Set([
    'bad-request',
    'page-cap',
    'not-json',
    'not-found',
    'network',
    'timeout',
    'server-error',
])

function checkLabel(name: CheckName): string {
    switch (name) {
        case 'events-count':
            return i18n.t('OpenSRP answers and accepts the credentials')
        case 'clients-count':
            return i18n.t('Clients can be counted')
        case 'locations':
            return i18n.t('Locations can be read')
        case 'events-read':
            return i18n.t('Events can be read the way an import reads them')
    }
}

function CheckLine({
    result,
    viaRoute,
    eventsFromGetAll,
}: {
    result: CheckResult
    viaRoute: boolean
    eventsFromGetAll: boolean
}) {
    const format = useFormat()
    const count =
        result.ok === true && result.count !== undefined ? format.number(result.count) : undefined
    return (
        <li className={classes.check} data-test={`check-${result.name}`}>
            {result.ok === true && <Tag positive>{i18n.t('Works')}</Tag>}
            {result.ok === false && <Tag negative>{i18n.t('Does not work')}</Tag>}
            {result.ok === 'skipped' && <Tag neutral>{i18n.t('Not tried')}</Tag>}{' '}
            <span>{checkLabel(result.name)}</span>
            {count !== undefined && result.name === 'events-count' && (
                <span> {i18n.t('({{total}} events)', plain({ total: count }))}</span>
            )}
            {count !== undefined && result.name === 'clients-count' && (
                <span> {i18n.t('({{total}} clients)', plain({ total: count }))}</span>
            )}
            {result.ok === false && (
                <div className={classes.advice}>
                    <p>{adviceFor(result.error, result.name, { viaRoute, eventsFromGetAll })}</p>
                    {TECHNICAL.has(result.error.code) && (
                        <p className={classes.detail}>{result.error.message}</p>
                    )}
                </div>
            )}
        </li>
    )
}

/** What works and what to fix, check by check, under one overall verdict. */
export function ConnectionVerdict({
    results,
    viaRoute,
    eventsFromGetAll,
}: {
    results: CheckResult[]
    viaRoute: boolean
    eventsFromGetAll: boolean
}) {
    const works = results.every((r) => r.ok === true)
    return (
        <div data-test="connection-verdict" aria-live="polite">
            {works ? (
                <NoticeBox valid title={i18n.t('The connection works')}>
                    {i18n.t(
                        'OpenSRP answers, and the account may read everything an import needs.'
                    )}
                </NoticeBox>
            ) : (
                <NoticeBox error title={i18n.t('The connection does not work yet')}>
                    {i18n.t('See below what works and what to fix.')}
                </NoticeBox>
            )}
            <ul className={classes.checks}>
                {results.map((result) => (
                    <CheckLine
                        key={result.name}
                        result={result}
                        viaRoute={viaRoute}
                        eventsFromGetAll={eventsFromGetAll}
                    />
                ))}
            </ul>
        </div>
    )
}
