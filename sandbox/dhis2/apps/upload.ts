import busboy from 'busboy'
import type { ApiResponse } from '../contract'
import { webMessage } from '../http'
import type { ShellHandler, ShellRequest } from '../state'
import { hasAnyAuthority } from '../users'
import { appUploadCreated } from '../versions'
import { appJson, installApp } from './registry'

const APP_MANAGEMENT = ['M_dhis-web-app-management']

/** The `file` part of a multipart body, as App Management and `d2-app-scripts deploy` send it. */
export function multipartFile(request: ShellRequest): Promise<Buffer | undefined> {
    const contentType = request.contentType ?? ''
    if (!/^multipart\/form-data/i.test(contentType)) return Promise.resolve(undefined)
    return new Promise((resolve) => {
        let file: Buffer | undefined
        const parser = busboy({ headers: { 'content-type': contentType } })
        parser.on('file', (name, stream) => {
            const chunks: Buffer[] = []
            stream.on('data', (chunk: Buffer) => chunks.push(chunk))
            stream.on('end', () => {
                if (name === 'file' && file === undefined) file = Buffer.concat(chunks)
            })
        })
        parser.on('close', () => resolve(file))
        parser.on('error', () => resolve(undefined))
        parser.end(request.rawBody)
    })
}

async function upload(
    request: ShellRequest,
    state: Parameters<ShellHandler>[0]
): Promise<ApiResponse> {
    if (!hasAnyAuthority(request.user, APP_MANAGEMENT)) return webMessage(403, 'Access denied')
    const zip = await multipartFile(request)
    if (!zip) return webMessage(400, "Required request part 'file' is not present")
    const result = installApp(state, zip)
    if ('error' in result) return webMessage(409, result.error)
    // ≤ 2.41: 204 empty; 2.42+: 201 with the app (reference §4.4).
    if (!appUploadCreated(state.version)) return { status: 204 }
    return {
        status: 201,
        body: appJson(state, result.app),
        headers: { Location: `${state.baseUrl}/api/apps/${result.app.key}` },
    }
}

/** `POST/GET /api/apps`, `DELETE /api/apps/{key}`. */
export const appManagement: ShellHandler = async (state, request) => {
    if (request.path === 'apps') {
        if (request.method === 'POST') return upload(request, state)
        if (request.method === 'GET') {
            const apps = [...state.apps.values()].map((app) => appJson(state, app))
            return { status: 200, body: apps }
        }
        return undefined
    }
    const match = /^apps\/([^/]+)$/.exec(request.path)
    if (request.method === 'DELETE' && match?.[1] !== undefined) {
        if (!hasAnyAuthority(request.user, APP_MANAGEMENT)) return webMessage(403, 'Access denied')
        const key = decodeURIComponent(match[1])
        if (!state.apps.delete(key)) return webMessage(404, `App '${key}' not found.`)
        return { status: 204 }
    }
    return undefined
}
