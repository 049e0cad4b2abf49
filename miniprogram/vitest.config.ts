import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const resolveFromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Component and hook tests run the H5 flavour of Taro in jsdom: the components and APIs are
 * aliased to the H5 platform's runtime, which is what the H5 build uses too.
 */
export default defineConfig({
  root: resolveFromHere('.'),
  resolve: {
    alias: [
      { find: /^@tarojs\/components$/, replacement: '@tarojs/plugin-platform-h5/dist/runtime/components' },
      { find: /^@tarojs\/taro$/, replacement: '@tarojs/plugin-platform-h5/dist/runtime/apis' },
    ],
  },
  define: {
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.DEPRECATED_ADAPTER_COMPONENT': 'false',
    DEPRECATED_ADAPTER_COMPONENT: 'false',
    API_BASE_URL: JSON.stringify('http://api.test'),
    APP_STAGE: JSON.stringify('local'),
    LIVE_CHAT_URL: JSON.stringify(''),
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    // One jsdom and one Taro H5 runtime per worker instead of per file: creating them was 80% of
    // this step (45 s → 7 s). Files stay independent: Testing Library unmounts after every test
    // (test/setup.ts), fake timers are restored, and vi.mock is still scoped to its file; the
    // suite passes with its files shuffled.
    isolate: false,
    setupFiles: ['test/setup.ts'],
    css: false,
    server: { deps: { inline: [/@tarojs/, /@nutui/] } },
  },
});
