import { webcrypto } from 'node:crypto'
import { initialiseConfiguration } from '../../adapters/dhis2/configStore'
import { defaultSettings, newUidSalt } from '../../core/config/defaults'
import { bdMappings } from '../../core/templates/bdMappings'
import { connect } from '../connect'
import { connectionFrom, parseCommand, UsageError } from '../options'

/** `init --template bd`: default settings and the BD template, written only where nothing is stored. */
export async function initCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
    const { values } = parseCommand(args, {
        template: { type: 'string', default: 'bd' },
        'route-code': { type: 'string' },
    })
    if (values.template !== 'bd')
        throw new UsageError(`Unknown template '${values.template}' (known: bd).`)
    const { kv } = await connect(connectionFrom(values, env))
    const settings = defaultSettings({
        uidSalt: newUidSalt(webcrypto.getRandomValues(new Uint8Array(24))),
    })
    if (values['route-code']) settings.opensrp = { mode: 'route', routeCode: values['route-code'] }
    const result = await initialiseConfiguration(kv, { settings, mappings: bdMappings() })
    if (!result.ok) {
        process.stderr.write(`${result.error.message}\n`)
        return 2
    }
    const kept = (['settings', 'mappings'] as const).filter(
        (root) => !result.written.includes(root)
    )
    const summary = {
        written: result.written,
        kept,
        message:
            result.written.length > 0
                ? `Wrote ${result.written.join(' and ')} to the dataStore namespace opensrp-connector.`
                : 'Settings and mappings were already there; nothing was changed.',
    }
    process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : `${summary.message}\n`)
    return 0
}
