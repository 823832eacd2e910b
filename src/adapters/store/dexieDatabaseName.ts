import { WHOLE_COUNTRY_SCOPE_KEY } from '../../core/runs/scope'
import { DEXIE_DATABASE_NAME } from './dexieSchema'

/**
 * One database per run scope, as the headless runner keeps one file per scope: a scope's ledger
 * is rebuilt whenever the dataStore names another scope's, so two scopes sharing a database
 * would keep wiping each other's. The whole country keeps the original name.
 */
export const dexieDatabaseNameFor = (scopeKey: string): string =>
    scopeKey === WHOLE_COUNTRY_SCOPE_KEY
        ? DEXIE_DATABASE_NAME
        : `${DEXIE_DATABASE_NAME}.${scopeKey}`
