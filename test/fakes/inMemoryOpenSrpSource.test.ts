import { describeOpenSrpSourceContract } from '../contracts/openSrpSource.contract'
import { InMemoryOpenSrpSource } from './inMemoryOpenSrpSource'

// The assertions live in the shared contract, so the fake and the real adapter prove the same things.
describeOpenSrpSourceContract('in-memory fake', async () => {
    const source = new InMemoryOpenSrpSource({ pageSize: 5 })
    return {
        source,
        upload: async (records) => source.add(records),
        close: async () => undefined,
    }
})
