import { CustomDataProvider, Provider } from '@dhis2/app-runtime'
import { render, type RenderResult } from '@testing-library/react'
import React from 'react'
import type { CurrentUser } from './users'

type FetchType = 'create' | 'read' | 'update' | 'json-patch' | 'replace' | 'delete'
type CustomResource = Parameters<typeof CustomDataProvider>[0]['data'][string]
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type JsonValue = Exclude<CustomResource, Function>

export interface StubRequest {
    resource: string
    id?: string
    params?: Record<string, unknown>
    data?: unknown
}

/** What a stub sees: the request type and the resolved query (resource, id, params, data). */
export type StubHandler = (
    type: FetchType,
    query: StubRequest,
    options?: { signal?: AbortSignal }
) => unknown

/** A plain value answers reads only; a handler sees every request for its resource. */
export type Stub = unknown

export interface RenderOptions {
    data?: Record<string, Stub>
    user?: CurrentUser
    minor?: number
}

/**
 * Requests that no stub answered, or that a read-only stub received as a write. They fail the
 * test in `afterEach` (maintenance-app-beta's rule): a screen that quietly calls an endpoint
 * nobody expected must not pass.
 */
const unexpected: string[] = []

afterEach(() => {
    const seen = unexpected.splice(0)
    expect(seen).toEqual([])
})

function isHandler(stub: Stub): stub is StubHandler {
    return typeof stub === 'function'
}

function strict(data: Record<string, Stub>): Record<string, CustomResource> {
    const wrapped: Record<string, CustomResource> = {}
    for (const [resource, stub] of Object.entries(data)) {
        wrapped[resource] = async (type, query, options) => {
            if (!isHandler(stub)) {
                if (type !== 'read') {
                    unexpected.push(`${type} ${resource}`)
                    throw new Error(`Unexpected ${type} on ${resource}`)
                }
                return stub as JsonValue
            }
            const result = await stub(type, query, options)
            if (result === undefined) {
                unexpected.push(`${type} ${resource} (the stub answered nothing)`)
                throw new Error(`No answer for ${type} ${resource}`)
            }
            return result as JsonValue
        }
    }
    return new Proxy(wrapped, {
        get(target, key) {
            if (typeof key === 'string' && !(key in target)) unexpected.push(`request ${key}`)
            return Reflect.get(target, key)
        },
    })
}

export function renderWithDhis2(
    ui: React.ReactElement,
    { data = {}, user, minor = 41 }: RenderOptions = {}
): RenderResult {
    return render(
        <Provider
            config={{
                baseUrl: 'http://dhis2.test',
                apiVersion: minor,
                serverVersion: { major: 2, minor, patch: 3, full: `2.${minor}.3` },
            }}
            userInfo={user}
            plugin={false}
            parentAlertsAdd={() => undefined}
            showAlertsInPlugin
        >
            <CustomDataProvider data={strict(data)}>{ui}</CustomDataProvider>
        </Provider>
    )
}

/** A stub that never answers: the screen stays in its loading state. */
export const pending: StubHandler = () => new Promise(() => undefined)
