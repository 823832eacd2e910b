/**
 * @jest-environment node
 */
import { execFileSync } from 'child_process'
import path from 'path'

const root = path.resolve(__dirname, '../..')
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js')

interface LintMessage {
    ruleId: string | null
    message: string
}

/** Lints `source` as if it lived at `filePath`, with the project's real ESLint configuration. */
function lintAs(filePath: string, source: string): LintMessage[] {
    let stdout: string
    try {
        stdout = execFileSync(
            process.execPath,
            [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', filePath],
            { cwd: root, input: source, encoding: 'utf8' }
        )
    } catch (error) {
        // ESLint exits 1 when it found problems; the report is still on stdout.
        stdout = String((error as { stdout?: unknown }).stdout ?? '')
    }
    const report = JSON.parse(stdout) as Array<{ messages: LintMessage[] }>
    return report.flatMap((file) => file.messages)
}

const ruleIds = (messages: LintMessage[]) => messages.map((m) => m.ruleId)

describe('the dependency rule (DESIGN §4) is enforced by the linter', () => {
    it.each([
        ["import axios from 'axios'", 'axios'],
        ["import Dexie from 'dexie'", 'Dexie'],
        ["import { useState } from 'react'", 'React'],
        ["import { useDataEngine } from '@dhis2/app-runtime'", 'the app runtime'],
        ["import { validateEvent } from '../adapters/opensrp/validate'", 'an adapter'],
    ])('fails when src/core imports %s (%s)', (importLine) => {
        const messages = lintAs(
            'src/core/leak.ts',
            `${importLine}\nexport const used = [${importLine.split(' ')[1]?.replace(/[{}]/g, '')}]\n`
        )
        expect(ruleIds(messages)).toContain('no-restricted-imports')
    })

    it('fails when an adapter imports the React app', () => {
        const messages = lintAs(
            'src/adapters/dhis2/leak.ts',
            "import { App } from '../../app/App'\nexport const used = App\n"
        )
        expect(ruleIds(messages)).toContain('no-restricted-imports')
    })

    it('fails on `any` in core', () => {
        const messages = lintAs('src/core/loose.ts', 'export const parse = (x: any) => x\n')
        expect(ruleIds(messages)).toContain('@typescript-eslint/no-explicit-any')
    })

    it('lets core import its own modules', () => {
        const messages = lintAs(
            'src/core/ok.ts',
            "import { localDateOf } from './dates'\nexport const today = localDateOf('2024-01-01', 'Asia/Dhaka')\n"
        )
        expect(messages).toEqual([])
    })

    it('lets the app import adapters and core', () => {
        const messages = lintAs(
            'src/app/ok.ts',
            "import { validateEvent } from '../adapters/opensrp/validate'\nexport const v = validateEvent\n"
        )
        expect(messages).toEqual([])
    })
})
