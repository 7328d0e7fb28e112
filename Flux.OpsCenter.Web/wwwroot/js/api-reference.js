// The API reference page (/api-reference): Scalar's bundle, served by the Scalar.AspNetCore package from /scalar, drawn
// from our OpenAPI document. An external module rather than Scalar's own inline script, so the CSP stays script-src 'self';
// no web fonts or request proxy from Scalar's servers: everything the page loads comes from this app.
import { initialize } from '/scalar/scalar.aspnetcore.js';

initialize('', false, {
    sources: [{ title: 'v1', url: '/openapi/v1.json' }],
    withDefaultFonts: false,
    hideClientButton: true,
    proxyUrl: null,
    telemetry: false,
    favicon: '/favicon.svg',
}, '');
