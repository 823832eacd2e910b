import type { ServerVersion } from '../versions'
import { hasLoginApi } from '../versions'

/** Login page location: struts page before 2.41, the login app from 2.41, `/login/` on 2.43 (reference §7). */
export const loginPagePath = (version: ServerVersion): string =>
    version.minor >= 43
        ? '/login/'
        : hasLoginApi(version)
          ? '/dhis-web-login/'
          : '/dhis-web-commons/security/login.action'

const STYLE = `body{font-family:Roboto,Arial,sans-serif;background:#2c6693;margin:0}
main{max-width:360px;margin:80px auto;background:#fff;border-radius:4px;padding:24px}
label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px}
button{margin-top:16px;padding:8px 16px}.error{color:#b71c1c}`

/**
 * A minimal stand-in for DHIS2's login page. Before 2.41 it is a plain form POST to
 * `login.action`; from 2.41 it does what the login app does: JSON to `/api/auth/login`, then
 * follows `redirectUrl` (reference §4.3).
 */
export function loginPage(version: ServerVersion): string {
    const form = hasLoginApi(version)
        ? `<form id="login"><p class="error" id="error"></p>`
        : `<form id="login" method="post" action="../../dhis-web-commons-security/login.action">
<p class="error" id="error"></p>`
    const script = hasLoginApi(version)
        ? `<script>
document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault()
  const response = await fetch('../api/auth/login', { method: 'POST', credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ username: document.getElementById('j_username').value,
                           password: document.getElementById('j_password').value }) })
  const body = await response.json()
  if (response.ok && body.loginStatus === 'SUCCESS') window.location.href = body.redirectUrl
  else document.getElementById('error').textContent = body.message || body.loginStatus
})
</script>`
        : `<script>
if (location.search.includes('failed=true'))
  document.getElementById('error').textContent = 'Wrong username or password'
</script>`
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>DHIS2 sandbox login</title>
<style>${STYLE}</style></head>
<body><main><h1>DHIS2 sandbox 2.${version.minor}.${version.patch}</h1>
${form}
<label for="j_username">Username</label><input id="j_username" name="j_username" autocomplete="username">
<label for="j_password">Password</label><input id="j_password" name="j_password" type="password" autocomplete="current-password">
<button id="submit" type="submit">Log in</button>
</form></main>${script}</body></html>`
}
