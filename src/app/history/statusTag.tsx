import i18n from '@dhis2/d2-i18n'
import { Tag } from '@dhis2/ui'
import React from 'react'
import type { RunStatus } from '../../core/summary/types'

export function statusLabel(status: RunStatus): string {
    switch (status) {
        case 'succeeded':
            return i18n.t('Succeeded')
        case 'completed-with-errors':
            return i18n.t('Completed with errors')
        case 'failed':
            return i18n.t('Failed')
        case 'cancelled':
            return i18n.t('Cancelled')
    }
}

/** A run's status as a coloured tag; the word says it too, so colour is never the only signal. */
export function StatusTag({ status }: { status: RunStatus }) {
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
