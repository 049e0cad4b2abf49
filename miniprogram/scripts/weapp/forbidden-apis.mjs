// What WeChat's JS engine lacks or only partly has, for the scan of the weapp build
// (check-apis.mjs). The app service runs in JavaScriptCore on iOS (the system's, so as old as the
// phone's iOS), in V8 on Android and in a Chromium-based engine on PC — without any DOM, without
// Web APIs, and on some Android and PC clients without a full Intl. H5-only code is stripped from
// that build (`process.env.TARO_ENV` is replaced at build time), so every hit is real.
//
// An entry is one of:
//   { global }       a free reference to a global variable (`typeof X` alone is allowed: it is how
//                    code checks whether something exists)
//   { member }       `Object.prop` on the global object named before the dot
//   { method }       a call of a method by that name on anything (`x.at(-1)`)
//   { method, minArguments: n }       only when called with at least n arguments
// Each has the reason it is refused, shown with every hit. Widen the list here.
// A use inside a test of `typeof X` (`typeof X != "undefined" && X…`, `if (typeof X == "object")
// return X`) is a checked use and passes.

/** @type {ReadonlyArray<{ global?: string; member?: string; method?: string; minArguments?: number; reason: string }>} */
export const FORBIDDEN_APIS = [
  // Text and binary
  {
    global: 'TextEncoder',
    reason: 'WeChat has no TextEncoder: send ASCII as a string, or build the bytes by hand',
  },
  { global: 'TextDecoder', reason: 'WeChat has no TextDecoder' },
  { global: 'atob', reason: 'not in the app service; wx.base64ToArrayBuffer or a hand-written decoder' },
  { global: 'btoa', reason: 'not in the app service; wx.arrayBufferToBase64 or a hand-written encoder' },
  { global: 'Blob', reason: 'no Blob in WeChat; files are temp paths read with the file system manager' },
  { global: 'FileReader', reason: 'no FileReader in WeChat; wx.getFileSystemManager().readFile' },
  // Internationalisation
  {
    global: 'Intl',
    reason:
      'missing or without time-zone data on some Android and PC WeChat clients; format by hand (shared/src/format)',
  },
  {
    method: 'toLocaleString',
    minArguments: 1,
    reason:
      'with locales or options it goes through Intl (missing or partial on some clients); format by hand',
  },
  { method: 'toLocaleDateString', minArguments: 1, reason: 'goes through Intl; format by hand' },
  { method: 'toLocaleTimeString', minArguments: 1, reason: 'goes through Intl; format by hand' },
  {
    method: 'localeCompare',
    minArguments: 2,
    reason: 'with locales it goes through Intl collation; compare explicitly',
  },
  // Newer language built-ins that older iOS WeChat (the system JavaScriptCore) lacks
  { method: 'at', reason: 'Array/String.prototype.at is ES2022 (iOS 15.4+): use index arithmetic' },
  { method: 'findLast', reason: 'ES2023 (iOS 15.4+): loop from the end' },
  { method: 'findLastIndex', reason: 'ES2023 (iOS 15.4+): loop from the end' },
  { method: 'replaceAll', reason: 'ES2021 (iOS 13.4+): use replace with a global regular expression' },
  { member: 'Object.hasOwn', reason: 'ES2022 (iOS 15.4+): Object.prototype.hasOwnProperty.call' },
  { member: 'Array.fromAsync', reason: 'ES2024: not in any WeChat engine we can rely on' },
  { member: 'Promise.withResolvers', reason: 'ES2024: not in any WeChat engine we can rely on' },
  { member: 'Promise.any', reason: 'ES2021 (iOS 14+)' },
  { global: 'structuredClone', reason: 'a Web API WeChat lacks: copy explicitly' },
  { global: 'queueMicrotask', reason: 'not in the app service on every client: Promise.resolve().then' },
  { global: 'WeakRef', reason: 'ES2021 (iOS 14.5+)' },
  { global: 'FinalizationRegistry', reason: 'ES2021 (iOS 14.5+)' },
  // Web platform
  { global: 'URL', reason: 'no URL class in WeChat: build and parse addresses by hand' },
  { global: 'URLSearchParams', reason: 'no URLSearchParams in WeChat: encode query strings by hand' },
  {
    global: 'crypto',
    reason: 'no Web Crypto (crypto.subtle, crypto.getRandomValues) in WeChat; wx.getRandomValues',
  },
  { global: 'fetch', reason: 'no fetch in WeChat: Taro.request' },
  { global: 'XMLHttpRequest', reason: 'no XMLHttpRequest in WeChat: Taro.request' },
  { global: 'WebSocket', reason: 'no WebSocket class in WeChat: Taro.connectSocket' },
  { global: 'AbortController', reason: 'no AbortController in WeChat: the request task’s abort()' },
  { global: 'Headers', reason: 'a fetch API WeChat lacks' },
  { global: 'Response', reason: 'a fetch API WeChat lacks' },
  { global: 'MessageChannel', reason: 'not in the app service' },
  {
    global: 'requestAnimationFrame',
    reason: 'only on a Canvas node in WeChat (canvas.requestAnimationFrame)',
  },
  { global: 'window', reason: 'no window in the app service (logic and view run apart)' },
  { global: 'document', reason: 'no DOM in the app service' },
  { global: 'navigator', reason: 'no navigator in WeChat: Taro.getDeviceInfo / getAppBaseInfo' },
  { global: 'location', reason: 'no location in WeChat: Taro.getCurrentInstance().router' },
  { global: 'history', reason: 'no history in WeChat: Taro.navigateTo / navigateBack' },
  { global: 'localStorage', reason: 'no localStorage in WeChat: Taro.getStorageSync / setStorageSync' },
  { global: 'sessionStorage', reason: 'no sessionStorage in WeChat' },
  { global: 'self', reason: 'no self in the app service' },
  { global: 'HTMLElement', reason: 'no DOM in the app service' },
  { global: 'getComputedStyle', reason: 'no DOM in the app service: Taro.createSelectorQuery' },
  { global: 'matchMedia', reason: 'no DOM in the app service' },
  // WeChat APIs WeChat itself has deprecated
  {
    method: 'getSystemInfoSync',
    reason: 'deprecated since base library 2.20.1: Taro.getWindowInfo / getDeviceInfo / getAppBaseInfo',
  },
  {
    method: 'getSystemInfo',
    reason: 'deprecated since base library 2.20.1: Taro.getWindowInfo / getDeviceInfo',
  },
  { method: 'chooseImage', reason: 'deprecated in WeChat: Taro.chooseMedia (H5 keeps its own picker)' },
  { method: 'chooseVideo', reason: 'deprecated in WeChat: Taro.chooseMedia (H5 keeps its own picker)' },
];

/**
 * Uses inside third-party code that no page reaches, each with why. Only the file and the name are
 * matched, so keep this short and re-check it when a dependency is upgraded; the load harness
 * (load-harness.mjs) runs every page with none of these globals defined, which is what proves it.
 * @type {ReadonlyArray<{ file: string; names: string[]; reason: string }>}
 */
export const UNREACHED_IN_DEPENDENCIES = [
  {
    file: 'taro.js',
    names: ['window', 'document', 'requestAnimationFrame'],
    reason:
      "@tarojs/plugin-framework-react's createNativePageConfig, createNativeComponentConfig and " +
      'initNativeComponentEntry (native compileMode pages and components): exports this app never uses, so ' +
      "webpack drops their imports of Taro's own window and document and the dead bodies read them as globals",
  },
  {
    file: 'vendors.js',
    names: ['atob', 'btoa'],
    reason: "zod's base64 helpers behind z.base64, z.jwt and the base64 codecs; no schema of ours uses them",
  },
];
