import { FetchError } from '@dhis2/data-engine'
import type {
    JsonValue,
    Mutation,
    Query,
    QueryExecuteOptions,
    ResourceQuery,
} from '@dhis2/data-engine'
import type { Engine } from '../writerEngine'

/**
 * A data engine for unit tests that answers only what the test scripted and fails on anything
 * else (STYLE: a fake provider that fails on unstubbed requests). Dynamic `id`, `params` and
 * `data` are resolved with the variables as the real engine does, so tests see the exact request.
 */

export interface ScriptedRequest {
    type: 'read' | 'create' | 'update' | 'replace' | 'json-patch' | 'delete'
    resource: string
    id?: string
    params: Record<string, unknown>
    data?: unknown
}

/** Returns the body, or throws (use `httpError` / `networkError`). */
export type Answer = (request: ScriptedRequest) => unknown

export type Script = Record<string, Answer | Answer[]>

export interface ScriptedEngine extends Engine {
    requests: ScriptedRequest[]
}

type Dynamic = unknown

function resolve(value: Dynamic, variables: Record<string, unknown>): unknown {
    return typeof value === 'function' ? value(variables) : value
}

function record(value: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    if (typeof value === 'object' && value !== null)
        for (const [k, v] of Object.entries(value)) out[k] = v
    return out
}

const keyOf = (r: ScriptedRequest) => `${r.type} ${r.resource}${r.id ? `/${r.id}` : ''}`

export function scriptedEngine(script: Script): ScriptedEngine {
    const requests: ScriptedRequest[] = []
    const calls = new Map<string, number>()
    const answer = async (request: ScriptedRequest): Promise<unknown> => {
        requests.push(request)
        const key = keyOf(request)
        const entry = script[key]
        if (!entry) throw new Error(`Unscripted request: ${key}`)
        const n = calls.get(key) ?? 0
        calls.set(key, n + 1)
        const handler = Array.isArray(entry) ? entry[Math.min(n, entry.length - 1)] : entry
        if (!handler) throw new Error(`Empty script for ${key}`)
        return handler(request)
    }
    const build = (
        type: ScriptedRequest['type'],
        query: Record<string, unknown>,
        variables: Record<string, unknown>
    ): ScriptedRequest => {
        const id = resolve(query.id, variables)
        return {
            type,
            resource: String(query.resource),
            ...(typeof id === 'string' ? { id } : {}),
            params: record(resolve(query.params, variables)),
            ...('data' in query ? { data: resolve(query.data, variables) } : {}),
        }
    }
    class Scripted implements ScriptedEngine {
        readonly requests = requests
        query(query: Query, options?: QueryExecuteOptions): Promise<Record<string, unknown>>
        query<T extends Record<string, unknown>>(
            query: Record<keyof T, ResourceQuery>,
            options?: QueryExecuteOptions
        ): Promise<T>
        async query(query: Query, options?: QueryExecuteOptions): Promise<Record<string, unknown>> {
            const variables = record(options?.variables)
            const out: Record<string, unknown> = {}
            for (const [name, q] of Object.entries(query))
                out[name] = await answer(build('read', record(q), variables))
            return out
        }
        async mutate(mutation: Mutation, options?: QueryExecuteOptions): Promise<JsonValue> {
            const variables = record(options?.variables)
            const type = mutation.type === 'update' && !mutation.partial ? 'replace' : mutation.type
            const result = await answer(build(type, record(mutation), variables))
            return JSON.parse(JSON.stringify(result ?? null))
        }
    }
    const engine = new Scripted()
    return engine
}

const STATUS_TEXT: Record<number, string> = {
    400: 'Bad Request',
    404: 'Not Found',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
}

/** The FetchError the real engine throws for an HTTP status and JSON body (reference §2.2). */
export function httpError(status: number, body: Record<string, unknown> = {}): FetchError {
    if (status === 401 || status === 403 || status === 409) {
        const message =
            typeof body.message === 'string'
                ? body.message
                : status === 401
                  ? 'Unauthorized'
                  : 'Forbidden'
        return new FetchError({ type: 'access', message, details: body })
    }
    return new FetchError({
        type: 'unknown',
        message: `An unknown error occurred - ${STATUS_TEXT[status] ?? ''} (${status})`,
        details: body,
    })
}

export const networkError = (): FetchError =>
    new FetchError({
        type: 'network',
        message: 'An unknown network error occurred',
        details: {},
    })

/** Answers that always return one body / always throw one error. */
export const reply =
    (body: unknown): Answer =>
    () =>
        body
export const fail =
    (error: Error): Answer =>
    () => {
        throw error
    }
