import i18n from '@dhis2/d2-i18n'
import {
    Button,
    ButtonStrip,
    Modal,
    ModalActions,
    ModalContent,
    ModalTitle,
    NoticeBox,
} from '@dhis2/ui'
import React, { useState } from 'react'
import { saveMappings, saveSettings } from '../../../adapters/dhis2/configStore'
import { defaultSettings, newUidSalt } from '../../../core/config/defaults'
import type { KeyValueStore } from '../../../core/ports/keyValueStore'
import { bdMappings } from '../../../core/templates/bdMappings'
import classes from './Mapping.module.css'

/**
 * Writes the Bangladesh template's mappings, and default settings when there are none. Existing
 * settings are never replaced: their UID salt ties every record already in DHIS2 to its UID.
 */
async function applyTemplate(kv: KeyValueStore, hasSettings: boolean): Promise<string | undefined> {
    if (!hasSettings) {
        const uidSalt = newUidSalt(crypto.getRandomValues(new Uint8Array(16)))
        const settings = await saveSettings(kv, defaultSettings({ uidSalt }))
        if (!settings.ok) return settings.error.message
    }
    const mappings = await saveMappings(kv, bdMappings())
    return mappings.ok ? undefined : mappings.error.message
}

export function TemplateCard({
    kv,
    hasSettings,
    hasMappings,
    onApplied,
}: {
    kv: KeyValueStore
    hasSettings: boolean
    hasMappings: boolean
    onApplied: () => void
}) {
    const [confirming, setConfirming] = useState(false)
    const [busy, setBusy] = useState(false)
    const [problem, setProblem] = useState<string | undefined>()

    const apply = async () => {
        setConfirming(false)
        setBusy(true)
        setProblem(undefined)
        try {
            const failure = await applyTemplate(kv, hasSettings)
            if (failure) setProblem(failure)
            else onApplied()
        } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error))
        } finally {
            setBusy(false)
        }
    }

    return (
        <div className={classes.template}>
            <p>
                {i18n.t(
                    "The Bangladesh template maps OpenSRP's child and mother registers and vaccinations to the BD EPI programs and the monthly and weekly data sets."
                )}
            </p>
            <Button
                primary={!hasMappings}
                disabled={busy}
                onClick={() => (hasMappings ? setConfirming(true) : void apply())}
            >
                {busy ? i18n.t('Saving…') : i18n.t('Start from the Bangladesh template')}
            </Button>
            {problem && (
                <NoticeBox error title={i18n.t('The template was not saved')}>
                    {problem}
                </NoticeBox>
            )}
            {confirming && (
                <Modal small position="middle" onClose={() => setConfirming(false)}>
                    <ModalTitle>{i18n.t('Replace the mappings?')}</ModalTitle>
                    <ModalContent>
                        {i18n.t(
                            'The current mappings, including org units matched by hand, are replaced by the template. The settings stay as they are. Export the mappings first to keep a copy.'
                        )}
                    </ModalContent>
                    <ModalActions>
                        <ButtonStrip end>
                            <Button secondary onClick={() => setConfirming(false)}>
                                {i18n.t('Go back')}
                            </Button>
                            <Button destructive onClick={() => void apply()}>
                                {i18n.t('Replace the mappings')}
                            </Button>
                        </ButtonStrip>
                    </ModalActions>
                </Modal>
            )}
        </div>
    )
}
