// A stand-in for WeChat's `wx` object in the load harness: every call is recorded, and each API
// answers the way its documentation says — synchronous getters return their documented shapes,
// asynchronous APIs call success/fail/complete later (never inside the call), the network is
// down (request, downloadFile, connectSocket fail with WeChat's errMsg) unless the harness has
// given an answer for that request, pickers are cancelled. `unsupported` names APIs this WeChat
// is too old for: they are absent from `wx` and canIUse says no (both read at call time).
// An API not listed here answers fail with "not in the harness", so a page that calls something
// new shows up in the record rather than passing silently.

/**
 * @param {{ later: (fn: () => void) => void; storage: Map<string, unknown>; baseLibrary: string;
 *   unsupported: Set<string>; answers: Map<string, { statusCode: number; data: unknown }> }} options
 *   answers: keyed by "METHOD /path" (no query), what the API says to wx.request; by
 *   "DOWNLOAD /path", the status a wx.downloadFile gets
 */
export function createWechatStub({ later, storage, baseLibrary, unsupported, answers }) {
  /** @type {Array<{ api: string; args: unknown[] }>} */
  const calls = [];
  const listeners = new Map();

  const answer = (api, options, outcome) => {
    later(() => {
      if (outcome.ok) {
        options?.success?.({ errMsg: `${api}:ok`, ...outcome.result });
      } else {
        options?.fail?.({ errMsg: `${api}:fail ${outcome.reason}`, errno: outcome.errno ?? 1 });
      }
      options?.complete?.({ errMsg: `${api}:${outcome.ok ? 'ok' : `fail ${outcome.reason}`}` });
    });
  };
  const ok = (result = {}) => ({ ok: true, result });
  const fail = (reason, errno) => ({ ok: false, reason, errno });
  const offline = fail('network unreachable in the load harness', 600001);

  const windowInfo = {
    pixelRatio: 3,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 724,
    statusBarHeight: 44,
    screenTop: 0,
    safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
  };
  const deviceInfo = {
    abi: 'arm64',
    benchmarkLevel: 1,
    brand: 'harness',
    model: 'iPhone 12',
    platform: 'ios',
    system: 'iOS 15.0',
    memorySize: 4096,
  };
  const appBaseInfo = {
    SDKVersion: baseLibrary,
    enableDebug: false,
    host: { env: 'WeChat' },
    language: 'zh_CN',
    version: '8.0.57',
    theme: 'light',
    fontSizeSetting: 16,
  };

  const task = (extra = {}) => ({
    abort() {},
    onHeadersReceived() {},
    offHeadersReceived() {},
    onProgressUpdate() {},
    offProgressUpdate() {},
    ...extra,
  });

  const socketTask = () => {
    const handlers = { open: [], message: [], error: [], close: [] };
    const on = (kind) => (fn) => handlers[kind].push(fn);
    later(() => {
      for (const fn of handlers.error)
        fn({ errMsg: 'connectSocket:fail network unreachable in the load harness' });
      for (const fn of handlers.close) fn({ code: 1006, reason: 'abnormal closure' });
    });
    return {
      onOpen: on('open'),
      onMessage: on('message'),
      onError: on('error'),
      onClose: on('close'),
      send: (options) => answer('SocketTask.send', options, fail('socket is not connected')),
      close: (options) => answer('SocketTask.close', options, ok()),
    };
  };

  const selectorQuery = () => {
    const query = {
      in: () => query,
      select: () => node,
      selectAll: () => node,
      selectViewport: () => node,
      exec: (callback) => later(() => callback?.([null])),
    };
    const node = {
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      node: () => query,
      context: () => query,
    };
    return query;
  };

  const fileSystemManager = () => ({
    readFile: (options) => answer('readFile', options, fail('no such file or directory')),
    readFileSync: (path) => {
      throw new Error(`readFileSync:fail no such file or directory ${path}`);
    },
    writeFile: (options) => answer('writeFile', options, ok()),
    access: (options) => answer('access', options, fail('no such file or directory')),
    getFileInfo: (options) => answer('getFileInfo', options, fail('no such file or directory')),
  });

  const implementations = {
    // Base
    canIUse: (schema) => {
      const api = String(schema).split('.')[0];
      return !unsupported.has(api) && (api in implementations || !/^[a-z]/.test(api));
    },
    getWindowInfo: () => ({ ...windowInfo }),
    getDeviceInfo: () => ({ ...deviceInfo }),
    getAppBaseInfo: () => ({ ...appBaseInfo }),
    getSystemSetting: () => ({
      bluetoothEnabled: false,
      locationEnabled: false,
      wifiEnabled: true,
      deviceOrientation: 'portrait',
    }),
    getAppAuthorizeSetting: () => ({ albumAuthorized: 'not determined', cameraAuthorized: 'not determined' }),
    getSystemInfoSync: () => ({ ...windowInfo, ...deviceInfo, ...appBaseInfo }),
    getSystemInfo: (options) =>
      answer('getSystemInfo', options, ok({ ...windowInfo, ...deviceInfo, ...appBaseInfo })),
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'touristappid', envVersion: 'release', version: '' },
    }),
    getLaunchOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }),
    getMenuButtonBoundingClientRect: () => ({
      width: 87,
      height: 32,
      top: 48,
      right: 367,
      bottom: 80,
      left: 280,
    }),
    getUpdateManager: () => ({
      onCheckForUpdate() {},
      onUpdateReady() {},
      onUpdateFailed() {},
      applyUpdate() {},
    }),
    nextTick: (fn) => later(fn),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    // Storage (documented: a missing key reads as '')
    getStorageSync: (key) => (storage.has(key) ? structuredCopy(storage.get(key)) : ''),
    setStorageSync: (key, value) => void storage.set(key, structuredCopy(value)),
    removeStorageSync: (key) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorage: (options) =>
      answer(
        'getStorage',
        options,
        storage.has(options.key) ? ok({ data: storage.get(options.key) }) : fail('data not found'),
      ),
    setStorage: (options) => {
      storage.set(options.key, structuredCopy(options.data));
      answer('setStorage', options, ok());
    },
    removeStorage: (options) => {
      storage.delete(options.key);
      answer('removeStorage', options, ok());
    },
    // Network: offline
    request: (options) => {
      const path = new URL(options.url, 'http://harness').pathname;
      const known = answers.get(`${(options.method ?? 'GET').toUpperCase()} ${path}`);
      answer(
        'request',
        options,
        known ? ok({ statusCode: known.statusCode, data: known.data, header: {} }) : offline,
      );
      return task();
    },
    downloadFile: (options) => {
      // downloadFile succeeds on any HTTP answer; the status is the caller's to check.
      const path = new URL(options.url, 'http://harness').pathname;
      const known = answers.get(`DOWNLOAD ${path}`);
      answer(
        'downloadFile',
        options,
        known ? ok({ statusCode: known.statusCode, tempFilePath: 'wxfile://tmp/harness-download' }) : offline,
      );
      return task();
    },
    uploadFile: (options) => {
      answer('uploadFile', options, offline);
      return task();
    },
    connectSocket: () => socketTask(),
    getNetworkType: (options) => answer('getNetworkType', options, ok({ networkType: 'none' })),
    // Sign-in and open abilities
    login: (options) => answer('login', options, ok({ code: 'harness-login-code' })),
    checkSession: (options) => answer('checkSession', options, ok()),
    requestSubscribeMessage: (options) => answer('requestSubscribeMessage', options, fail('cancel')),
    checkIsSupportFacialRecognition: (options) =>
      answer('checkIsSupportFacialRecognition', options, ok({ errCode: 0 })),
    requestFacialVerify: (options) => answer('requestFacialVerify', options, fail('cancel')),
    getPrivacySetting: (options) =>
      answer(
        'getPrivacySetting',
        options,
        ok({ needAuthorization: false, privacyContractName: '《隐私保护指引》' }),
      ),
    requirePrivacyAuthorize: (options) => answer('requirePrivacyAuthorize', options, ok()),
    openPrivacyContract: (options) => answer('openPrivacyContract', options, ok()),
    // Media and files: the user cancels
    chooseMedia: (options) => answer('chooseMedia', options, fail('cancel')),
    chooseMessageFile: (options) => answer('chooseMessageFile', options, fail('cancel')),
    openDocument: (options) => answer('openDocument', options, fail('file not found')),
    canvasToTempFilePath: (options) => answer('canvasToTempFilePath', options, fail('canvas is empty')),
    getFileSystemManager: fileSystemManager,
    setClipboardData: (options) => answer('setClipboardData', options, ok()),
    makePhoneCall: (options) => answer('makePhoneCall', options, fail('cancel')),
    // Interface
    showToast: (options) => answer('showToast', options, ok()),
    hideToast: (options) => answer('hideToast', options, ok()),
    showLoading: (options) => answer('showLoading', options, ok()),
    hideLoading: (options) => answer('hideLoading', options, ok()),
    showModal: (options) => answer('showModal', options, ok({ confirm: false, cancel: true })),
    showActionSheet: (options) => answer('showActionSheet', options, fail('cancel')),
    setNavigationBarTitle: (options) => answer('setNavigationBarTitle', options, ok()),
    setNavigationBarColor: (options) => answer('setNavigationBarColor', options, ok()),
    showNavigationBarLoading: (options) => answer('showNavigationBarLoading', options, ok()),
    hideNavigationBarLoading: (options) => answer('hideNavigationBarLoading', options, ok()),
    startPullDownRefresh: (options) => answer('startPullDownRefresh', options, ok()),
    stopPullDownRefresh: (options) => answer('stopPullDownRefresh', options, ok()),
    pageScrollTo: (options) => answer('pageScrollTo', options, ok()),
    setTabBarBadge: (options) => answer('setTabBarBadge', options, ok()),
    removeTabBarBadge: (options) => answer('removeTabBarBadge', options, ok()),
    setTabBarItem: (options) => answer('setTabBarItem', options, ok()),
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => ({
      relativeTo: () => ({ observe() {} }),
      relativeToViewport: () => ({ observe() {} }),
      disconnect() {},
    }),
    // Routing: recorded; the harness drives the pages itself
    navigateTo: (options) => answer('navigateTo', options, ok()),
    redirectTo: (options) => answer('redirectTo', options, ok()),
    switchTab: (options) => answer('switchTab', options, ok()),
    reLaunch: (options) => answer('reLaunch', options, ok()),
    navigateBack: (options) => answer('navigateBack', options, ok()),
    // App events
    onNeedPrivacyAuthorization: (listener) => listeners.set('needPrivacyAuthorization', listener),
    onAppShow: () => {},
    onAppHide: () => {},
    offAppShow: () => {},
    offAppHide: () => {},
    onError: () => {},
    onUnhandledRejection: () => {},
    onPageNotFound: () => {},
    onThemeChange: () => {},
    offThemeChange: () => {},
    onWindowResize: () => {},
    offWindowResize: () => {},
    onNetworkStatusChange: () => {},
    offNetworkStatusChange: () => {},
    onMemoryWarning: () => {},
    reportAnalytics: () => {},
    reportEvent: () => {},
    reportMonitor: () => {},
    getRealtimeLogManager: () => ({ info() {}, warn() {}, error() {}, setFilterMsg() {} }),
    getLogManager: () => ({ log() {}, info() {}, warn() {}, debug() {} }),
  };

  const recorded = {};
  for (const [api, value] of Object.entries(implementations)) {
    recorded[api] =
      typeof value === 'function'
        ? (...args) => {
            calls.push({ api, args });
            return value(...args);
          }
        : value;
  }
  // Anything else: a function that fails as documented for an unknown ability.
  const wx = new Proxy(recorded, {
    get(target, property) {
      if (typeof property === 'string' && unsupported.has(property)) return undefined;
      if (property in target || typeof property !== 'string') return target[property];
      // Properties Taro's runtime stores on wx (its webpack chunk list) are plain data.
      if (property === 'webpackJsonp' || property.startsWith('__')) return undefined;
      return (options) => {
        calls.push({ api: property, args: [options] });
        answer(property, options, fail('not in the harness'));
      };
    },
  });
  return { wx, calls, listeners };
}

/** Storage keeps a copy, as WeChat's does (it stores JSON-able values). */
function structuredCopy(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
