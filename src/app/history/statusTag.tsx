import i18n from '@dhis2/d2-i18n'
import { Tag } from '@dhis2/ui'
import React from 'react'
import type { RunIndexEntry } from './runIndex'

export function statusLabel(status: RunIndexEntry['status']): string {
    switch (status) {
        case 'succeeded':
            return i18n.t('Succeeded')
        case 'completed-with-errors':
            return i18n.t('Completed with errors')
        case 'failed':
            return i18n.t('Failed')
        case 'cancelled':
            return i18n.t('Cancelled')
        case 'running':
            return i18n.t('Running')
    }
}

/** A run's status as a coloured tag; the word says it too, so colour is never the only signal. */
export function StatusTag({ status }: { status: RunIndexEntry['status'] }) {
    return (
        <Tag
            positive={status === 'succeeded'}
            negative={status === 'failed'}
            neutral={status === 'completed-with-errors' || status === 'cancelled'}
            dataTest="run-status"
        >
            {statusLabel(status)}
        </Tag>
    )
}
