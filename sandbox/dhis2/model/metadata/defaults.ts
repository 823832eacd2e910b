import { MetadataCollections } from '../state'
import {
    DEFAULT_CATEGORY,
    DEFAULT_CATEGORY_COMBO,
    DEFAULT_CATEGORY_OPTION,
    DEFAULT_COC,
} from './schema'

const CREATED = '2020-01-01T00:00:00.000'

/** The `default` category model every server has before any import (§3.9). */
export function defaultMetadata(): MetadataCollections {
    const common = { name: 'default', code: 'default', created: CREATED, lastUpdated: CREATED }
    return {
        categoryOptions: {
            [DEFAULT_CATEGORY_OPTION]: {
                id: DEFAULT_CATEGORY_OPTION,
                ...common,
                shortName: 'default',
                isDefault: true,
                // AccessStringHelper.CATEGORY_OPTION_DEFAULT: everyone may write data for it.
                sharing: { public: 'rwrw----', external: false, users: {}, userGroups: {} },
            },
        },
        categories: {
            [DEFAULT_CATEGORY]: {
                id: DEFAULT_CATEGORY,
                ...common,
                shortName: 'default',
                dataDimensionType: 'DISAGGREGATION',
                dataDimension: false,
                categoryOptions: [{ id: DEFAULT_CATEGORY_OPTION }],
            },
        },
        categoryCombos: {
            [DEFAULT_CATEGORY_COMBO]: {
                id: DEFAULT_CATEGORY_COMBO,
                ...common,
                dataDimensionType: 'DISAGGREGATION',
                skipTotal: false,
                isDefault: true,
                categories: [{ id: DEFAULT_CATEGORY }],
            },
        },
        categoryOptionCombos: {
            [DEFAULT_COC]: {
                id: DEFAULT_COC,
                ...common,
                ignoreApproval: false,
                categoryCombo: { id: DEFAULT_CATEGORY_COMBO },
                categoryOptions: [{ id: DEFAULT_CATEGORY_OPTION }],
            },
        },
    }
}
