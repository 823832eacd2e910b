/** `--name value` and `--flag` from the command line. */

export function numberArg(name: string, fallback: number, argv = process.argv): number {
    const index = argv.indexOf(`--${name}`)
    const value = index >= 0 ? Number(argv[index + 1]) : NaN
    return Number.isFinite(value) ? value : fallback
}

export function optionalNumberArg(name: string, argv = process.argv): number | undefined {
    const value = numberArg(name, NaN, argv)
    return Number.isFinite(value) ? value : undefined
}

export function stringArg(name: string, argv = process.argv): string | undefined {
    const index = argv.indexOf(`--${name}`)
    const value = index >= 0 ? argv[index + 1] : undefined
    return value && !value.startsWith('--') ? value : undefined
}

export const flag = (name: string, argv = process.argv) => argv.includes(`--${name}`)
