/** @type {import('@dhis2/cli-app-scripts').D2Config} */
const config = {
    type: 'app',
    name: 'opensrp-connector',
    title: 'OpenSRP Connector',
    description:
        'Imports OpenSRP clients, vaccinations and immunisation counts into DHIS2 tracker programs and aggregate data sets.',
    minDHIS2Version: '2.38',
    dataStoreNamespace: 'opensrp-connector',
    customAuthorities: ['OPENSRP_CONNECTOR_CONFIGURE', 'OPENSRP_CONNECTOR_RUN_IMPORT'],
    entryPoints: {
        app: './src/app/App.tsx',
    },
}

module.exports = config
