import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const sharedSource = path.resolve(__dirname, '../../shared/src');
const brandConfig = path.resolve(__dirname, '../../config');
// The stage and addresses of this build; a production weapp build for a deployed stage without
// https:// and wss:// addresses fails here.
const target: { stage: string; apiBaseUrl: string; liveChatUrl: string } =
  require('./build-target.cjs').resolveBuildTarget(process.env);

// NutUI is drawn on a 375 px design; our own styles use the 750 rpx design WeChat recommends.
function designWidth(input?: unknown): number {
  const file = typeof input === 'object' && input !== null && 'file' in input ? String(input.file) : '';
  return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'zhixiang-kefu',
    date: '2026-11-25',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [[path.resolve(__dirname, 'appid-plugin.cjs'), { target }]],
    defineConstants: {
      // weapp has no runtime config file: the addresses are baked in at build time.
      API_BASE_URL: JSON.stringify(target.apiBaseUrl),
      APP_STAGE: JSON.stringify(target.stage),
      // Live chat: the WebSocket API's wss:// URL; empty = the chat polls over HTTP.
      LIVE_CHAT_URL: JSON.stringify(target.liveChatUrl),
    },
    alias: {
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // esbuild minifies in a fraction of terser's time; on 2 cores the H5 production build is what
    // dominates `npm start` on a fresh clone.
    jsMinimizer: 'esbuild',
    // Some dependencies ship ES2015+ syntax that babel leaves alone; every WeChat base library and
    // browser we serve runs ES2015, so minify to that instead of esbuild's refusal to reach ES5.
    esbuild: { minify: { enable: true, config: { target: 'es2015' } } },
    cache: { enable: false },
    mini: {
      // The shared workspace ships TypeScript source, so it must go through the same loaders.
      compile: { include: [sharedSource, brandConfig] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedSource, brandConfig] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page carried its own copy of NutUI,
        // zod and the Taro components (~150 KiB each); shared chunks let pages reuse them.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
