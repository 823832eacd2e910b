import { describeOpenSrpSourceContract } from '../contracts/openSrpSource.contract'
import { InMemoryOpenSrpSource } from './inMemoryOpenSrpSource'

describeOpenSrpSourceContract('in-memory fake', async () => {
    const source = new InMemoryOpenSrpSource({ pageSize: 5 })
    return {
        source,
        upload: async (records) => source.add(records),
        close: async () => undefined,
    }
})
