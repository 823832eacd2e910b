import i18n from '@dhis2/d2-i18n'
import { Menu, MenuItem } from '@dhis2/ui'
import React from 'react'
import type { Access } from '../user/access'
import { hrefOf, type Page, type Route } from './route'

interface Item {
    page: Page
    label: string
    visible: (access: Access) => boolean
}

const items = (): Item[] => [
    { page: 'overview', label: i18n.t('Overview'), visible: () => true },
    { page: 'connection', label: i18n.t('Connection'), visible: (a) => a.canConfigure },
    { page: 'mapping', label: i18n.t('Mapping'), visible: (a) => a.canConfigure },
    { page: 'run', label: i18n.t('Run an import'), visible: (a) => a.canRun },
    { page: 'history', label: i18n.t('Import history'), visible: () => true },
]

/**
 * The side menu; pages the user may not use are not offered. Items keep their href (new tab,
 * copy link) but navigate in place: the App Platform's `<base target="_top">` would otherwise send
 * a plain link out of the DHIS2 global shell (2.42+).
 */
export function Navigation({
    access,
    current,
    navigate,
}: {
    access: Access
    current: Page
    navigate: (route: Route) => void
}) {
    return (
        <Menu dataTest="connector-navigation">
            {items()
                .filter((item) => item.visible(access))
                .map((item) => (
                    <MenuItem
                        key={item.page}
                        href={hrefOf({ page: item.page })}
                        // The App Platform's index.html has <base target="_top">: without this a
                        // click leaves DHIS2 2.42+'s global shell for the bare app page.
                        target="_self"
                        label={item.label}
                        onClick={() => navigate({ page: item.page })}
                        active={item.page === current}
                        dataTest={`nav-${item.page}`}
                    />
                ))}
        </Menu>
    )
}
