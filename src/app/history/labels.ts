import i18n from '@dhis2/d2-i18n'
import type { RunTrigger } from '../../core/runs/lockRecord'
import { orgUnitIdOf, type RunScope } from '../../core/runs/scope'
import type { RecordErrorKind, RecordKind } from '../../core/summary/types'
import { plain } from '../i18n/plain'

export function triggerLabel(trigger: RunTrigger): string {
    return trigger === 'scheduled' ? i18n.t('Scheduled') : i18n.t('Started by hand')
}

export function streamsLabel(streams: RunScope['streams']): string {
    switch (streams) {
        case 'tracker':
            return i18n.t('Tracker')
        case 'aggregate':
            return i18n.t('Aggregate')
        case 'both':
            return i18n.t('Tracker and aggregate')
    }
}

/** "Tracker and aggregate · Mouchak Ward 1 EPI Centre · 202401, 202402". */
export function scopeLabel(scope: RunScope, nameOf: (id: string) => string | undefined): string {
    const places =
        scope.orgUnits && scope.orgUnits.length > 0
            ? scope.orgUnits
                  .map((entry) => {
                      const id = orgUnitIdOf(entry)
                      return (id && nameOf(id)) ?? id ?? entry
                  })
                  .join(', ')
            : i18n.t('all org units')
    const periods =
        scope.periods && scope.periods.length > 0
            ? i18n.t('periods {{periods}}', plain({ periods: scope.periods.join(', ') }))
            : undefined
    return [streamsLabel(scope.streams), places, periods].filter(Boolean).join(' · ')
}

export function recordKindLabel(kind: RecordKind): string {
    switch (kind) {
        case 'client':
            return i18n.t('Client')
        case 'event':
            return i18n.t('Event')
        case 'location':
            return i18n.t('Location')
        case 'trackedEntity':
            return i18n.t('Tracked entity')
        case 'enrollment':
            return i18n.t('Enrollment')
        case 'trackerEvent':
            return i18n.t('Vaccination event')
        case 'relationship':
            return i18n.t('Relationship')
        case 'dataValue':
            return i18n.t('Data value')
    }
}

export function errorKindLabel(kind: RecordErrorKind): string {
    switch (kind) {
        case 'quarantined':
            return i18n.t('Unreadable in OpenSRP')
        case 'mapping':
            return i18n.t('Not mapped')
        case 'rejected':
            return i18n.t('Refused by DHIS2')
        case 'transport':
            return i18n.t('Not sent (connection)')
    }
}
