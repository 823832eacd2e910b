/** The app's pages, addressed by the location hash so a link or a reload opens the same page. */
export type Page = 'overview' | 'connection' | 'mapping' | 'run' | 'history'

export interface Route {
    page: Page
    /** A run report, for `#/history/<runId>`. */
    runId?: string
}

const PAGES: readonly Page[] = ['overview', 'connection', 'mapping', 'run', 'history']

export function parseHash(hash: string): Route {
    const [first, second] = hash.replace(/^#\/?/, '').split('/')
    const page = PAGES.find((p) => p === first) ?? 'overview'
    if (page === 'history' && second) return { page, runId: decodeURIComponent(second) }
    return { page }
}

export function hrefOf(route: Route): string {
    return route.runId ? `#/${route.page}/${encodeURIComponent(route.runId)}` : `#/${route.page}`
}
