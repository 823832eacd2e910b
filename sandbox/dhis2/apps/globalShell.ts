import { escapeHtml, html, webMessage } from '../http'
import type { ApiResponse, SandboxUser } from '../contract'
import type { Dhis2State } from '../state'
import { canOpenApp } from './serve'

/**
 * A minimal stand-in for the 2.42 global shell (`/apps/{key}`): a header and an iframe of
 * `/api/apps/{key}/index.html?redirect=false` (reference §4.1). The real shell is a React app.
 * Like the real one (global-shell-app's PluginLoader), on each load of the frame it adds a style
 * to the app's document that hides the App Platform header bar, so the user sees one bar.
 */
export function globalShellPage(state: Dhis2State, key: string, user: SandboxUser): ApiResponse {
    const app = state.apps.get(key)
    if (!app) return webMessage(404, `App '${key}' not found.`)
    if (!canOpenApp(user, app))
        return webMessage(403, `You don't have access to application ${key}.`)
    const title = escapeHtml(app.manifest.name)
    const src = `${state.baseUrl}/api/apps/${encodeURIComponent(app.key)}/index.html?redirect=false`
    return html(
        200,
        `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | DHIS2</title>
<style>html,body{margin:0;height:100%;font-family:Roboto,Arial,sans-serif}
body{display:flex;flex-direction:column}
header{height:24px;line-height:24px;background:#1d5288;color:#fff;font-size:12px;padding:0 12px}
iframe{flex:1;border:0;width:100%}</style></head>
<body><header data-test="global-shell-header">DHIS2 global shell · ${title} · ${escapeHtml(user.username)}</header>
<iframe data-test="global-shell-app" title="${title}" src="${escapeHtml(src)}"></iframe>
<script>
document.querySelector('iframe').addEventListener('load', (event) => {
  const doc = event.target.contentDocument
  if (!doc) return
  const style = doc.createElement('style')
  style.textContent = 'div.app-shell-adapter > div > header, div.app-shell-adapter > header { display: none }'
  doc.head.appendChild(style)
})
</script>
</body></html>`
    )
}
