// Build step (run by the NpmLibs target): vega-interpreter ships as an ES module that imports the bare name 'vega-util',
// which a browser cannot resolve without an import map (and the app's CSP forbids inline scripts). Vega's own bundle
// already carries those helpers on the global `vega`, so the copy served from wwwroot/lib/vega reads them from there.
// The interpreter is what lets Vega evaluate chart expressions without eval, under `script-src 'self'`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const source = readFileSync('node_modules/vega-interpreter/build/vega-interpreter.js', 'utf8');
const bareImport = /^import \{([^}]*)\} from 'vega-util';$/m;
const match = source.match(bareImport);
if (!match) {
    throw new Error("vega-interpreter no longer starts with its 'vega-util' import; review this build step.");
}

mkdirSync('wwwroot/lib/vega', { recursive: true });
writeFileSync('wwwroot/lib/vega/vega-interpreter.js', source.replace(bareImport, `const {${match[1]}} = globalThis.vega;`));
