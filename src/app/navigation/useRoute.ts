import { useCallback, useEffect, useState } from 'react'
import { hrefOf, parseHash, type Route } from './route'

/** The current page from the location hash, and a way to go elsewhere. */
export function useRoute(): { route: Route; navigate: (route: Route) => void } {
    const [route, setRoute] = useState(() => parseHash(window.location.hash))
    useEffect(() => {
        const onChange = () => setRoute(parseHash(window.location.hash))
        window.addEventListener('hashchange', onChange)
        return () => window.removeEventListener('hashchange', onChange)
    }, [])
    const navigate = useCallback((next: Route) => {
        window.location.hash = hrefOf(next)
        setRoute(next)
    }, [])
    return { route, navigate }
}
