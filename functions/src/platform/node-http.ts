import { createRequire as requireFrom } from 'node:module';

/**
 * What the Lambda bundles get for `node:http` (serverless.yml's `custom.esbuild.alias`): the same
 * module, loaded with `require`. An ES `import … from 'node:http'` makes Node build the module's
 * namespace from every export, and node:http's lazy `WebSocket`, `CloseEvent` and `MessageEvent`
 * getters then load undici and http2 — about 13 ms of CPU in every cold start for names no function
 * uses (middy's util reads STATUS_CODES; our signed transport uses Agent and request for the local
 * endpoints). A name imported here that this module does not export fails the bundle's build.
 */
const http: typeof import('node:http') = requireFrom(import.meta.url)('node:http');
export const { Agent, request, STATUS_CODES } = http;
