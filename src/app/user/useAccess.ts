import { useCurrentUserInfo } from '@dhis2/app-runtime'
import { useMemo } from 'react'
import { accessOf, type Access } from './access'

/** The current user's rights; no extra request (the platform read /api/me at startup). */
export function useAccess(): Access {
    const user = useCurrentUserInfo()
    return useMemo(() => accessOf(user), [user])
}
