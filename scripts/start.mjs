console.log(
    'The local DHIS2 and OpenSRP sandboxes are not part of this version yet.\n' +
        'Until they are, run `npm run build` and install build/bundle/opensrp-connector-*.zip\n' +
        'in a DHIS2 server (App Management → Manual install), or `npx d2-app-scripts start --proxy <your DHIS2 URL>`.'
)
process.exit(1)
