import i18n from '@dhis2/d2-i18n'
import { Button, FileInputField, NoticeBox } from '@dhis2/ui'
import React, { useRef, useState } from 'react'
import { parseMappings } from '../../../adapters/dhis2/configParse'
import { saveMappings } from '../../../adapters/dhis2/configStore'
import type { ConfigIssue } from '../../../core/config/configPath'
import type { Mappings } from '../../../core/config/types'
import type { KeyValueStore } from '../../../core/ports/keyValueStore'
import { downloadText } from '../../history/download'
import { plain } from '../../i18n/plain'
import classes from './Mapping.module.css'

function readText(file: File): Promise<string> {
    return new Promise((resolve, reject) => {
        const reader = new FileReader()
        reader.onload = () => resolve(String(reader.result))
        reader.onerror = () => reject(reader.error ?? new Error('unreadable file'))
        reader.readAsText(file)
    })
}

/** An export holds the mappings alone; a file with `{ mappings: … }` around them is read too. */
function mappingsIn(json: unknown): unknown {
    if (typeof json === 'object' && json !== null && !('version' in json) && 'mappings' in json)
        return Reflect.get(json, 'mappings')
    return json
}

type Candidate =
    | { state: 'invalid'; issues: ConfigIssue[] }
    | { state: 'not-json' }
    | { state: 'valid'; mappings: Mappings; fileName: string }

/**
 * Mappings out as JSON (settings stay: their UID salt belongs to this installation), and in from a
 * file, validated before anything is saved.
 */
export function ExportImport({
    mappings,
    kv,
    onSaved,
}: {
    mappings: Mappings | undefined
    kv: KeyValueStore
    onSaved: () => void
}) {
    const [candidate, setCandidate] = useState<Candidate | undefined>()
    const [saving, setSaving] = useState(false)
    const [problem, setProblem] = useState<string | undefined>()
    const [saved, setSaved] = useState(false)
    // Only the file chosen last counts, however long an earlier one takes to read.
    const latest = useRef(0)

    const choose = async (file: File | undefined) => {
        const turn = ++latest.current
        setSaved(false)
        setProblem(undefined)
        if (!file) return setCandidate(undefined)
        let json: unknown
        try {
            json = JSON.parse(await readText(file))
        } catch {
            if (turn === latest.current) setCandidate({ state: 'not-json' })
            return
        }
        const parsed = parseMappings(mappingsIn(json))
        if (turn !== latest.current) return
        setCandidate(
            parsed.ok
                ? { state: 'valid', mappings: parsed.value, fileName: file.name }
                : { state: 'invalid', issues: parsed.issues }
        )
    }

    const save = async (value: Mappings) => {
        setSaving(true)
        try {
            const result = await saveMappings(kv, value)
            if (!result.ok) setProblem(result.error.message)
            else {
                setCandidate(undefined)
                setSaved(true)
                onSaved()
            }
        } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error))
        } finally {
            setSaving(false)
        }
    }

    return (
        <div className={classes.stack}>
            <div>
                <Button
                    disabled={!mappings}
                    onClick={() =>
                        mappings &&
                        downloadText(
                            'opensrp-connector-mappings.json',
                            `${JSON.stringify(mappings, null, 2)}\n`,
                            'application/json'
                        )
                    }
                >
                    {i18n.t('Export the mappings as JSON')}
                </Button>
            </div>
            <FileInputField
                name="mappings-file"
                accept=".json,application/json"
                label={i18n.t('Import mappings from a JSON file')}
                buttonLabel={i18n.t('Choose a file')}
                placeholder={i18n.t('No file chosen')}
                helpText={i18n.t('The file is checked before anything is saved.')}
                onChange={({ files }: { files: FileList | File[] }) => void choose(files[0])}
            />
            {candidate?.state === 'not-json' && (
                <NoticeBox error title={i18n.t('This file is not JSON')}>
                    {i18n.t('Choose a file exported from the OpenSRP Connector.')}
                </NoticeBox>
            )}
            {candidate?.state === 'invalid' && (
                <NoticeBox error title={i18n.t('These mappings cannot be used')}>
                    <ul className={classes.problems} data-test="import-issues">
                        {candidate.issues.slice(0, 50).map((issue, index) => (
                            <li key={index}>
                                {issue.message}
                                <div className={classes.path}>{issue.path}</div>
                            </li>
                        ))}
                    </ul>
                </NoticeBox>
            )}
            {candidate?.state === 'valid' && (
                <NoticeBox title={i18n.t('The file holds valid mappings')}>
                    <p>
                        {i18n.t(
                            '{{file}} can replace the current mappings. Validate them against DHIS2 after saving.',
                            plain({ file: candidate.fileName })
                        )}
                    </p>
                    <Button primary disabled={saving} onClick={() => void save(candidate.mappings)}>
                        {saving ? i18n.t('Saving…') : i18n.t('Save the imported mappings')}
                    </Button>
                </NoticeBox>
            )}
            {problem && (
                <NoticeBox error title={i18n.t('The mappings were not saved')}>
                    {problem}
                </NoticeBox>
            )}
            {saved && (
                <NoticeBox valid title={i18n.t('The imported mappings are saved')}>
                    {i18n.t('Validate them against DHIS2 before the next import.')}
                </NoticeBox>
            )}
        </div>
    )
}
