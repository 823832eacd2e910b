import { z } from 'zod'
import type { Dhis2OrgUnit } from '../../core/orgUnits/types'
import type { Engine } from '../dhis2/writerEngine'

const ORG_UNITS = {
    orgUnits: {
        resource: 'organisationUnits',
        params: {
            paging: false,
            fields: 'id,code,name,path,level,attributeValues[value,attribute[id]]',
        },
    },
} as const

const answer = z.object({
    orgUnits: z.object({
        organisationUnits: z.array(
            z.object({
                id: z.string(),
                code: z.string().optional(),
                name: z.string(),
                path: z.string().optional(),
                attributeValues: z
                    .array(z.object({ value: z.string(), attribute: z.object({ id: z.string() }) }))
                    .default([]),
            })
        ),
    }),
})

/** Every org unit the OpenSRP locations may be matched to, with the attributes that may hold their ids. */
export async function readOrgUnits(engine: Engine, signal?: AbortSignal): Promise<Dhis2OrgUnit[]> {
    const parsed = answer.parse(await engine.query(ORG_UNITS, { signal }))
    return parsed.orgUnits.organisationUnits.map((ou) => ({
        id: ou.id,
        code: ou.code,
        name: ou.name,
        path: ou.path,
        attributeValues: ou.attributeValues.map((v) => ({
            attribute: v.attribute.id,
            value: v.value,
        })),
    }))
}
