import { ApiResponse, Dhis2Minor, SandboxUser } from '../../contract'
import { DataModel } from '../index'
import { JsonRecord, isRecord, records } from '../json'

/** Calls a data model directly, as the HTTP shell would, for one user. */
export interface ModelClient {
    user: SandboxUser
    post(
        path: string,
        body: unknown,
        query: Record<string, string>
    ): Promise<ApiResponse | undefined>
    /** Every object of a metadata collection with all fields. */
    list(collection: string): Promise<JsonRecord[]>
}

/** A superuser whose every scope is `roots`. */
export function superuser(roots: string[]): SandboxUser {
    return {
        id: 'RealCheck01',
        username: 'real-check',
        password: 'x',
        firstName: 'Real',
        surname: 'Check',
        authorities: ['ALL'],
        organisationUnits: roots,
        dataViewOrganisationUnits: roots,
        teiSearchOrganisationUnits: roots,
        userRoles: [],
        userGroups: [],
        settings: {},
    }
}

export function modelClient(model: DataModel, minor: Dhis2Minor, user: SandboxUser): ModelClient {
    return {
        user,
        post: async (path, body, query) =>
            model.handle({
                method: 'POST',
                path,
                query: new URLSearchParams(query),
                body,
                rawBody: Buffer.from(JSON.stringify(body)),
                user,
                minor,
                baseUrl: 'http://127.0.0.1:8080',
            }),
        list: (collection) =>
            Promise.resolve(
                model.handle({
                    method: 'GET',
                    path: collection,
                    query: new URLSearchParams({ paging: 'false', fields: '*' }),
                    body: undefined,
                    rawBody: Buffer.alloc(0),
                    user,
                    minor,
                    baseUrl: 'http://127.0.0.1:8080',
                })
            ).then((r) => (isRecord(r?.body) ? records(r.body[collection]) : [])),
    }
}
