import type { KeyValueStore } from '../../src/core/ports/keyValueStore'

/** The dataStore namespace as a Map; values are deep-copied in and out, as JSON over HTTP would. */
export class InMemoryKeyValueStore implements KeyValueStore {
    readonly values = new Map<string, string>()

    async read(key: string): Promise<unknown | undefined> {
        const text = this.values.get(key)
        return text === undefined ? undefined : JSON.parse(text)
    }

    async write(key: string, value: unknown): Promise<void> {
        this.values.set(key, JSON.stringify(value))
    }

    async remove(key: string): Promise<void> {
        this.values.delete(key)
    }

    async keys(): Promise<string[]> {
        return [...this.values.keys()]
    }
}
