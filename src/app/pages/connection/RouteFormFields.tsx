import i18n from '@dhis2/d2-i18n'
import { InputField, SingleSelectField, SingleSelectOption } from '@dhis2/ui'
import React from 'react'
import {
    authTypesFor,
    type RouteAuthType,
    type RouteForm,
    type RouteFormProblem,
} from '../../connection/routeApi'
import { plain } from '../../i18n/plain'

export function problemText(problem: RouteFormProblem | undefined): string | undefined {
    switch (problem) {
        case undefined:
            return undefined
        case 'url-missing':
            return i18n.t('Type the OpenSRP address.')
        case 'url-not-http':
            return i18n.t(
                'The address must start with {{https}} or {{http}}',
                plain({ https: 'https://', http: 'http://' })
            )
        case 'username-missing':
            return i18n.t('Type the OpenSRP user name.')
        case 'password-missing':
            return i18n.t('Type the password.')
        case 'token-missing':
            return i18n.t('Type the token.')
        case 'client-id-missing':
            return i18n.t('Type the client id.')
        case 'client-secret-missing':
            return i18n.t('Type the client secret.')
        case 'token-uri-not-http':
            return i18n.t(
                'The token address must start with {{https}} or {{http}}',
                plain({ https: 'https://', http: 'http://' })
            )
    }
}

export const authLabel = (type: RouteAuthType): string => {
    switch (type) {
        case 'http-basic':
            return i18n.t('User name and password')
        case 'api-token':
            return i18n.t('API token')
        case 'oauth2-client-credentials':
            return i18n.t('OAuth2 client credentials')
    }
}

interface Props {
    form: RouteForm
    onChange: (form: RouteForm) => void
    problems: Partial<Record<keyof RouteForm, RouteFormProblem>>
    /** Show problems only after a first save attempt, not while the admin is still typing. */
    showProblems: boolean
    minor: number
}

/** The route's address and credentials. Secret fields start empty: DHIS2 never returns them. */
export function RouteFormFields({ form, onChange, problems, showProblems, minor }: Props) {
    const set =
        (field: keyof RouteForm) =>
        ({ value }: { value?: string }) =>
            onChange({ ...form, [field]: value ?? '' })
    const error = (field: keyof RouteForm) => {
        const text = showProblems ? problemText(problems[field]) : undefined
        return text ? { error: true, validationText: text } : {}
    }
    const isAuthType = (value: string): value is RouteAuthType =>
        authTypesFor(minor).some((type) => type === value)
    return (
        <>
            <InputField
                name="url"
                label={i18n.t('OpenSRP address')}
                helpText={i18n.t(
                    'For example {{example}}',
                    plain({ example: 'https://opensrp.example.org/opensrp' })
                )}
                value={form.url}
                onChange={set('url')}
                required
                {...error('url')}
            />
            <SingleSelectField
                label={i18n.t('How DHIS2 signs in to OpenSRP')}
                selected={form.authType}
                onChange={({ selected }: { selected: string }) => {
                    if (isAuthType(selected)) onChange({ ...form, authType: selected })
                }}
            >
                {authTypesFor(minor).map((type) => (
                    <SingleSelectOption key={type} value={type} label={authLabel(type)} />
                ))}
            </SingleSelectField>
            {form.authType === 'http-basic' && (
                <>
                    <InputField
                        name="username"
                        label={i18n.t('OpenSRP user name')}
                        value={form.username}
                        onChange={set('username')}
                        autoComplete="off"
                        required
                        {...error('username')}
                    />
                    <InputField
                        name="password"
                        type="password"
                        label={i18n.t('OpenSRP password')}
                        value={form.password}
                        onChange={set('password')}
                        autoComplete="new-password"
                        required
                        {...error('password')}
                    />
                </>
            )}
            {form.authType === 'api-token' && (
                <InputField
                    name="token"
                    type="password"
                    label={i18n.t('API token')}
                    value={form.token}
                    onChange={set('token')}
                    autoComplete="new-password"
                    required
                    {...error('token')}
                />
            )}
            {form.authType === 'oauth2-client-credentials' && (
                <>
                    <InputField
                        name="tokenUri"
                        label={i18n.t('Token address')}
                        helpText={i18n.t(
                            'For example {{example}}',
                            plain({
                                example:
                                    'https://keycloak.example.org/realms/opensrp/protocol/openid-connect/token',
                            })
                        )}
                        value={form.tokenUri}
                        onChange={set('tokenUri')}
                        required
                        {...error('tokenUri')}
                    />
                    <InputField
                        name="clientId"
                        label={i18n.t('Client id')}
                        value={form.clientId}
                        onChange={set('clientId')}
                        autoComplete="off"
                        required
                        {...error('clientId')}
                    />
                    <InputField
                        name="clientSecret"
                        type="password"
                        label={i18n.t('Client secret')}
                        value={form.clientSecret}
                        onChange={set('clientSecret')}
                        autoComplete="new-password"
                        required
                        {...error('clientSecret')}
                    />
                    <InputField
                        name="scopes"
                        label={i18n.t('Scopes (optional)')}
                        value={form.scopes}
                        onChange={set('scopes')}
                    />
                </>
            )}
        </>
    )
}
