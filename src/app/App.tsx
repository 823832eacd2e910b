import i18n from '@dhis2/d2-i18n'
import React from 'react'
import classes from './App.module.css'
import { Navigation } from './navigation/Navigation'
import { NoAccess } from './navigation/NoAccess'
import type { Route } from './navigation/route'
import { useRoute } from './navigation/useRoute'
import { HistoryPage } from './history/HistoryPage'
import { ConnectionPage } from './pages/connection/ConnectionPage'
import { MappingPage } from './pages/mapping/MappingPage'
import { OverviewPage } from './pages/overview/OverviewPage'
import { RunPage } from './run/RunPage'
import { CONFIGURE_AUTHORITY, RUN_IMPORT_AUTHORITY, type Access } from './user/access'
import { useAccess } from './user/useAccess'
// Generated from i18n/*.po by `d2-app-scripts i18n generate` (build, start and npm test run it).
import '../locales'

function CurrentPage({
    route,
    access,
    navigate,
}: {
    route: Route
    access: Access
    navigate: (route: Route) => void
}) {
    switch (route.page) {
        case 'connection':
            if (!access.canConfigure) return <NoAccess authority={CONFIGURE_AUTHORITY} />
            return <ConnectionPage />
        case 'mapping':
            if (!access.canConfigure) return <NoAccess authority={CONFIGURE_AUTHORITY} />
            return <MappingPage />
        case 'run':
            if (!access.canRun) return <NoAccess authority={RUN_IMPORT_AUTHORITY} />
            return <RunPage access={access} navigate={navigate} />
        case 'history':
            return <HistoryPage access={access} navigate={navigate} runId={route.runId} />
        default:
            return <OverviewPage access={access} navigate={navigate} />
    }
}

/** The connector's screens: overview, connection, mapping, run and history, by authority. */
const App = () => {
    const access = useAccess()
    const { route, navigate } = useRoute()
    return (
        <div className={classes.layout}>
            <nav className={classes.sidebar} aria-label={i18n.t('Connector pages')}>
                <Navigation access={access} current={route.page} navigate={navigate} />
            </nav>
            <main className={classes.page}>
                <h1 className={classes.title}>{i18n.t('OpenSRP Connector')}</h1>
                <p className={classes.lead}>
                    {i18n.t(
                        'Imports OpenSRP clients, vaccinations and immunisation counts into DHIS2.'
                    )}
                </p>
                <CurrentPage route={route} access={access} navigate={navigate} />
            </main>
        </div>
    )
}

export default App
