import { writeFileSync } from 'fs'
import prettier from 'prettier'

/** Writes a results file the way the repository's prettier config would format it. */
export async function writeFormatted(file: string, text: string, parser: 'json' | 'markdown') {
    const config = (await prettier.resolveConfig(file)) ?? {}
    writeFileSync(file, await prettier.format(text, { ...config, parser }))
}
