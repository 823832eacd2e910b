/**
 * @jest-environment node
 */
import { InMemorySyncStore } from '../fakes/inMemorySyncStore'
import { runSyncStoreContract } from './syncStore.contract'

runSyncStoreContract('in-memory fake', async () => new InMemorySyncStore())
