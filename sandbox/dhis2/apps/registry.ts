import AdmZip from 'adm-zip'
import { isRecord } from '../http'
import type { Dhis2State } from '../state'

export interface AppManifest {
    appType: string
    shortName: string
    name: string
    version: string
    description: string
    launchPath: string
    namespace?: string
    authorities: string[]
    icon48?: string
}

export interface InstalledApp {
    key: string
    manifest: AppManifest
    /** path inside the zip → content */
    files: Map<string, Buffer>
    /** The uploaded zip, kept for persistence. */
    zip: Buffer
}

/** `short_name` minus chars outside `[A-Za-z0-9 -]`, spaces → `-` (reference §4.1, AppController). */
export const appKey = (shortName: string): string =>
    shortName.replace(/[^A-Za-z0-9 -]/g, '').replace(/ /g, '-')

/** `M_` + short_name with spaces → `_` and other non-alphanumerics dropped: `M_opensrpconnector`. */
export const appAuthority = (shortName: string): string =>
    `M_${shortName.replace(/ /g, '_').replace(/[^A-Za-z0-9_]/g, '')}`

/** AppStatus message keys that DHIS2 puts in the 409 WebMessage of a failed install. */
export type InstallError =
    | 'invalid_zip_format'
    | 'missing_manifest'
    | 'invalid_manifest_json'
    | 'namespace_defined_in_manifest_is_in_use'

const asString = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined

function parseManifest(json: unknown): AppManifest | undefined {
    if (!isRecord(json)) return undefined
    const shortName = asString(json.short_name) ?? asString(json.name)
    if (!shortName) return undefined
    const activities = isRecord(json.activities) ? json.activities : {}
    const dhis = isRecord(activities.dhis) ? activities.dhis : {}
    const icons = isRecord(json.icons) ? json.icons : {}
    const authorities = Array.isArray(json.authorities)
        ? json.authorities.filter((a): a is string => typeof a === 'string')
        : []
    const namespace = asString(dhis.namespace)
    const icon48 = asString(icons['48'])
    return {
        appType: asString(json.appType) ?? 'APP',
        shortName,
        name: asString(json.name) ?? shortName,
        version: asString(json.version) ?? '',
        description: asString(json.description) ?? '',
        launchPath: asString(json.launch_path) ?? 'index.html',
        ...(namespace ? { namespace } : {}),
        authorities,
        ...(icon48 ? { icon48 } : {}),
    }
}

export function readAppZip(zip: Buffer): { app: InstalledApp } | { error: InstallError } {
    let entries: AdmZip.IZipEntry[]
    try {
        entries = new AdmZip(zip).getEntries()
    } catch {
        return { error: 'invalid_zip_format' }
    }
    const files = new Map<string, Buffer>()
    for (const entry of entries) {
        if (entry.isDirectory) continue
        const name = entry.entryName.replace(/\\/g, '/')
        if (name.split('/').includes('..')) return { error: 'invalid_zip_format' }
        files.set(name, entry.getData())
    }
    const manifestFile = files.get('manifest.webapp')
    if (!manifestFile) return { error: 'missing_manifest' }
    let json: unknown
    try {
        json = JSON.parse(manifestFile.toString('utf8'))
    } catch {
        return { error: 'invalid_manifest_json' }
    }
    const manifest = parseManifest(json)
    if (!manifest) return { error: 'invalid_manifest_json' }
    return { app: { key: appKey(manifest.shortName), manifest, files, zip } }
}

/** Installs (or replaces) an app; an app may not take a namespace another app reserved. */
export function installApp(
    state: Dhis2State,
    zip: Buffer
): { app: InstalledApp } | { error: InstallError } {
    const read = readAppZip(zip)
    if ('error' in read) return read
    const { app } = read
    const namespace = app.manifest.namespace
    if (namespace) {
        const owner = reservingApp(state, namespace)
        if (owner && owner.key !== app.key)
            return { error: 'namespace_defined_in_manifest_is_in_use' }
    }
    state.apps.set(app.key, app)
    for (const authority of app.manifest.authorities) state.customAuthorities.add(authority)
    return { app }
}

export const reservingApp = (state: Dhis2State, namespace: string): InstalledApp | undefined =>
    [...state.apps.values()].find((app) => app.manifest.namespace === namespace)

/** The app JSON of `GET /api/apps` and the 2.42 upload response. */
export function appJson(state: Dhis2State, app: InstalledApp): Record<string, unknown> {
    const baseUrl = `${state.baseUrl}/api/apps/${app.key}`
    const m = app.manifest
    return {
        key: app.key,
        name: m.name,
        short_name: m.shortName,
        displayName: m.name,
        description: m.description,
        version: m.version,
        appType: m.appType,
        launch_path: m.launchPath,
        launchUrl: `${baseUrl}/${m.launchPath}`,
        baseUrl,
        folderName: app.key,
        appStorageSource: 'LOCAL',
        ...(m.icon48 ? { icons: { '48': m.icon48 } } : {}),
        authorities: m.authorities,
        activities: { dhis: { href: '*', ...(m.namespace ? { namespace: m.namespace } : {}) } },
        coreApp: false,
        bundled: false,
    }
}
