/**
 * The app's namespace in the DHIS2 dataStore (DESIGN §7): settings, mappings, cursors, locks and
 * run reports. Values are plain JSON; callers validate what they read.
 */
export interface KeyValueStore {
    /** undefined when the key (or the namespace) does not exist. */
    read(key: string, options?: { signal?: AbortSignal }): Promise<unknown | undefined>
    /** Creates or replaces (POST on a missing key, PUT otherwise: 2.38–2.40 answer 404 to a PUT on a missing key). */
    write(key: string, value: unknown, options?: { signal?: AbortSignal }): Promise<void>
    remove(key: string, options?: { signal?: AbortSignal }): Promise<void>
    keys(options?: { signal?: AbortSignal }): Promise<string[]>
}
