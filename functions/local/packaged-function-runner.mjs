// The child process of packaged-functions.ts `loadPackagedHandler()`: its cwd is an unzipped
// function package, and it imports no package itself, so every package the handler needs must come
// from the zip (or from what the parent provides as the Lambda runtime does).
// Usage: node packaged-function-runner.mjs <module file> <export name>
// Over the IPC channel it reports {type: 'imported', coldImportMs, importMs} (coldImportMs counts
// from this process's start), then waits for {event, functionName, memorySize, timeoutMs},
// invokes the handler once and reports {type: 'invoked', result} or {type: 'invoked', error}.
// A message without an event ends the process.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [file, exportName] = process.argv.slice(2);

// What Lambda's Node.js runtime has loaded before it imports a handler: its runtime interface
// client (aws-lambda-nodejs-runtime-interface-client, src/) requires node:http and builds a
// keep-alive Agent for the Runtime API (RAPIDClient.js), node:net (ResponseStream.js), node:util
// (Errors.js, LogPatch.js), node:fs (LogPatch.js, UserFunction.js), node:assert (InvokeContext.js)
// and node:path (UserFunction.js). Loaded here too, so that a cold import counts what the function
// adds to the runtime, as it does in Lambda, and the empty handler it is compared with pays the same.
const require = createRequire(import.meta.url);
const runtimeHttp = require('node:http');
for (const name of ['node:net', 'node:util', 'node:fs', 'node:assert', 'node:path']) require(name);
new runtimeHttp.Agent({ keepAlive: true, maxSockets: 1 });

const report = (message) => new Promise((resolve) => process.send(message, resolve));
const describe = (error) => ({
  name: error?.name ?? 'Error',
  message: String(error?.message ?? error),
  code: error?.code,
  stack: error?.stack,
});

let handler;
const importStarted = performance.now();
try {
  const module = await import(pathToFileURL(file).href);
  handler = module[exportName];
  if (typeof handler !== 'function') throw new TypeError(`${file} exports no function "${exportName}"`);
} catch (error) {
  await report({ type: 'imported', error: describe(error) });
  process.exit(1);
}
const importedAt = performance.now();
await report({ type: 'imported', coldImportMs: importedAt, importMs: importedAt - importStarted });

process.once('message', async ({ event, functionName, memorySize, timeoutMs }) => {
  if (event === undefined) process.exit(0);
  // Loaded after the import so that it does not count in the cold import.
  const { lambdaContext } = await import('./lambda-context.ts');
  const context = lambdaContext({ functionName, memorySize }, randomUUID(), Date.now() + timeoutMs);
  try {
    const result = await handler(event, context);
    await report({ type: 'invoked', result: result ?? null });
  } catch (error) {
    await report({ type: 'invoked', error: describe(error) });
  }
  process.exit(0);
});
