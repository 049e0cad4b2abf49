import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type H5Server, startH5Server } from './h5-server';

describe('H5 static server', () => {
  let dir: string;
  let server: H5Server;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zx-h5-'));
    await mkdir(join(dir, 'js'));
    await writeFile(join(dir, 'index.html'), '<html>app</html>');
    await writeFile(join(dir, 'js', 'app.js'), 'console.log(1)');
    server = await startH5Server({ root: dir, apiPort: 3999 });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  it('serves /runtime-config.js pointing at the API on the host the page was loaded from', async () => {
    const response = await get('/runtime-config.js');
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(await response.text()).toBe(
      'window.__ZX_CONFIG__ = {"apiBaseUrl":"http://127.0.0.1:3999","stage":"local","liveChatUrl":"ws://127.0.0.1:3999/live-chat"};\n',
    );
  });

  it('serves files, falls back to index.html for app routes, and 404s missing assets', async () => {
    expect(await (await get('/js/app.js')).text()).toBe('console.log(1)');
    const route = await get('/pages/policy/detail?policyNo=1');
    expect(route.status).toBe(200);
    expect(await route.text()).toBe('<html>app</html>');
    expect((await get('/js/missing.js')).status).toBe(404);
    expect((await get('/../../etc/passwd')).status).toBe(200); // normalised into the root: the app shell
  });
});
