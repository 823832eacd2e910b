import i18n from '@dhis2/d2-i18n'
import type { RunPhase } from '../../core/runs/progress'

export function phaseLabel(phase: RunPhase): string {
    switch (phase) {
        case 'starting':
            return i18n.t('Starting')
        case 'reading-configuration':
            return i18n.t('Reading the settings and mappings')
        case 'checking-lock':
            return i18n.t('Checking that no other import is running')
        case 'reading-locations':
            return i18n.t('Reading OpenSRP locations')
        case 'syncing-clients':
            return i18n.t('Importing clients')
        case 'syncing-events':
            return i18n.t('Importing vaccinations and other events')
        case 'posting-aggregates':
            return i18n.t('Sending the monthly and weekly counts')
        case 'retrying-failed':
            return i18n.t('Trying failed records again')
        case 'writing-report':
            return i18n.t('Saving the summary')
        case 'done':
            return i18n.t('Done')
        case 'failed':
            return i18n.t('Stopped by an error')
        case 'cancelled':
            return i18n.t('Cancelled')
    }
}

/** Rough share of the work done by phase: counts have no known total (OpenSRP streams). */
export function phaseShare(phase: RunPhase): number {
    const order: RunPhase[] = [
        'starting',
        'reading-configuration',
        'checking-lock',
        'reading-locations',
        'syncing-clients',
        'syncing-events',
        'posting-aggregates',
        'retrying-failed',
        'writing-report',
        'done',
    ]
    const index = order.indexOf(phase)
    return index < 0 ? 100 : Math.round((index / (order.length - 1)) * 100)
}
