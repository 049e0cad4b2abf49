import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { LIVE_CHAT_PATH } from './websocket-api';

/**
 * Serves the H5 build of the mini program as a single-page app: files from the build folder,
 * index.html for every other path (the app uses the browser router), and /runtime-config.js,
 * which tells the page where the API is (one build for every stage, like a CDN host would).
 */

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface H5ServerOptions {
  port?: number;
  host?: string;
  /** The built app (miniprogram/dist/h5). */
  root: string;
  /** The API port; the page's API address uses the host name the browser used for the page. */
  apiPort: number;
  stage?: string;
  log?: (line: string) => void;
}

export interface H5Server {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function runtimeConfigScript(apiBaseUrl: string, stage: string, liveChatUrl?: string): string {
  return `window.__ZX_CONFIG__ = ${JSON.stringify({ apiBaseUrl, stage, ...(liveChatUrl ? { liveChatUrl } : {}) })};\n`;
}

export async function startH5Server(options: H5ServerOptions): Promise<H5Server> {
  const root = resolve(options.root);
  const stage = options.stage ?? 'local';

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return;
    }
    if (url.pathname === '/runtime-config.js') {
      // localhost:8080 → localhost:3000, 192.168.x.y:8080 → 192.168.x.y:3000.
      const hostname = (request.headers.host ?? 'localhost').replace(/:\d+$/, '');
      response.writeHead(200, {
        'content-type': 'application/javascript; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(
        runtimeConfigScript(
          `http://${hostname}:${options.apiPort}`,
          stage,
          // The local gateway serves the live chat's WebSocket API on the same port.
          `ws://${hostname}:${options.apiPort}${LIVE_CHAT_PATH}`,
        ),
      );
      return;
    }

    let relative: string;
    try {
      relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    } catch {
      relative = '';
    }
    let file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html');
    const isFile = existsSync(file) && statSync(file).isFile();
    // Paths without a file are app routes (browser router): answer with the app shell.
    if (!isFile) {
      if (extname(relative) && relative !== 'index.html') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found');
        return;
      }
      file = join(root, 'index.html');
    }
    if (!existsSync(file)) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('H5 应用尚未构建：请运行 npm run build:h5 -w miniprogram');
      return;
    }
    const isHtml = file.endsWith('.html');
    response.writeHead(200, {
      'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      // Built assets carry content hashes; the shell must be re-read to pick up a new build.
      'cache-control': isHtml ? 'no-cache' : 'public, max-age=300',
      'content-length': String(statSync(file).size),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
