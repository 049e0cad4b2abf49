// The load harness: the weapp build run the way WeChat runs it, minus the view. One Node `vm`
// context holds only what WeChat's app service has — the recording `wx` stub (wechat-stub.mjs),
// `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`, `require`, `console` and
// the timers — and the ECMAScript built-ins, less those an older iOS WeChat (the phone's own
// JavaScriptCore) or a WeChat without full Intl lacks: no `Intl`, no `TextEncoder`, no DOM, no
// `Array.prototype.at`… app.js is loaded and launched, then every page of app.json (main package
// and subpackages) is loaded, and its onLoad, onShow and onReady run until its first render
// (setData) and until its timers settle; then onUnload, as navigateBack does (no onHide), after
// which none of its intervals may still run. A module that throws at load, a page that never
// registers, a lifecycle step that throws (there or in a callback it scheduled), a rejected promise nobody
// handles, an error React reports (console.error), or a page that never renders fails the check.
// Two rules of WeChat's own are checked on the way: the app listens for WeChat's privacy
// authorisation at launch, and the privacy page's 同意 is a button of open-type
// agreePrivacyAuthorization (WeChat records consent from nothing else).
//
// Then a few pages run again in particular cases (SCENARIOS below): a WeChat too old for an API
// the page uses, an API answer, a tap on an element (dispatched to the page's `eh` as WeChat's
// bubbling tap is) — with what the page must then show or call.
//
// Time is virtual: timers run in order of their due time without waiting, up to a settle window
// after each step, so a page polling every 10 s is seen to poll, not waited for.
//
// Why not miniprogram-simulate / j-component: they render WXML components in a DOM (jsdom) of
// their own; a Taro page is one recursive template (base.wxml, which wcc already compiles) fed by
// setData, so what can break in WeChat is the JS — its globals and its lifecycle — and that is
// what this context reproduces without any DOM.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import vm from 'node:vm';
import { weappRoot } from './files.mjs';
import { createWechatStub } from './wechat-stub.mjs';

const root = weappRoot(process.argv[2]);
if (!existsSync(join(root, 'app.json'))) {
  console.error(`no app.json under ${root}: build the weapp first (npm run build:weapp)`);
  process.exit(1);
}
const appJson = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
const pages = [
  ...appJson.pages,
  ...(appJson.subPackages ?? appJson.subpackages ?? []).flatMap((pkg) =>
    pkg.pages.map((page) => `${pkg.root.replace(/\/+$/, '')}/${page}`),
  ),
];

/** Built-ins removed from the context: what WeChat's engines lack or only partly have. */
const REMOVED_BUILT_INS = `
  delete globalThis.Intl;
  delete Array.prototype.at; delete String.prototype.at;
  delete Array.prototype.findLast; delete Array.prototype.findLastIndex;
  delete String.prototype.replaceAll;
  delete Object.hasOwn;
  delete globalThis.WeakRef; delete globalThis.FinalizationRegistry;
  delete globalThis.SharedArrayBuffer;
`;

// ── virtual time ─────────────────────────────────────────────────────────────
let now = 0;
let nextTimerId = 1;
/** @type {Map<number, { due: number; fn: Function; args: unknown[]; every: number | null; owner: string }>} */
const timers = new Map();
let owner = 'app';
const problems = [];
let current = 'app.js';

const record = (where, error) => {
  const message =
    error instanceof Error || (error && typeof error === 'object' && 'stack' in error)
      ? String(error.stack ?? error.message)
          .split('\n')
          .slice(0, 6)
          .join('\n      ')
      : error && typeof error === 'object'
        ? JSON.stringify(error) // a wx callback's result, e.g. {"errMsg":"openDocument:fail …"}
        : String(error);
  problems.push({ where, message });
};

const schedule = (fn, delay, args, every) => {
  const id = nextTimerId++;
  if (typeof fn !== 'function') return id;
  timers.set(id, { due: now + Math.max(0, Number(delay) || 0), fn, args, every, owner });
  return id;
};
const later = (fn) => schedule(fn, 0, [], null);

/** Lets the context's promises settle (the vm shares Node's microtask queue). */
const settleMicrotasks = () => new Promise((resolve) => setImmediate(resolve));

/** Runs due timers in order until nothing is due within `windowMs` of virtual time from now. */
async function runFor(windowMs, where) {
  const until = now + windowMs;
  await settleMicrotasks();
  for (;;) {
    let next = null;
    for (const [id, timer] of timers)
      if (timer.due <= until && (!next || timer.due < next[1].due)) next = [id, timer];
    if (!next) break;
    const [id, timer] = next;
    now = Math.max(now, timer.due);
    if (timer.every === null) timers.delete(id);
    else timer.due = now + Math.max(1, timer.every);
    try {
      timer.fn(...timer.args);
    } catch (error) {
      record(`${where} (a timer callback)`, error);
    }
    await settleMicrotasks();
  }
  now = until;
}

// ── the context ──────────────────────────────────────────────────────────────
const storage = new Map();
const unsupported = new Set();
const answers = new Map();
const { wx, calls, listeners } = createWechatStub({
  later,
  storage,
  baseLibrary: '3.8.12',
  unsupported,
  answers,
});
let appConfig = null;
let registeredPage = null;
const pageStack = [];

const context = vm.createContext({
  wx,
  App: (config) => {
    appConfig = config;
  },
  Page: (config) => {
    registeredPage = config;
  },
  Component: () => {},
  Behavior: (definition) => definition,
  getApp: () => appConfig,
  getCurrentPages: () => [...pageStack],
  console: {
    log() {},
    info() {},
    debug() {},
    warn() {},
    error: (...args) => record(`${current} (console.error)`, args.map(String).join(' ').slice(0, 400)),
  },
  setTimeout: (fn, delay, ...args) => schedule(fn, delay, args, null),
  setInterval: (fn, delay, ...args) => schedule(fn, delay, args, Number(delay) || 0),
  clearTimeout: (id) => void timers.delete(id),
  clearInterval: (id) => void timers.delete(id),
});
vm.runInContext(REMOVED_BUILT_INS, context);

const moduleCache = new Map();
function requireFrom(fromDir) {
  return (request) => {
    const file = normalize(join(fromDir, request.endsWith('.js') ? request : `${request}.js`));
    if (!file.startsWith(root)) throw new Error(`require outside the package: ${request}`);
    const cached = moduleCache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} };
    moduleCache.set(file, module);
    const code = readFileSync(file, 'utf8');
    const wrapper = vm.runInContext(`(function (module, exports, require) {${code}\n})`, context, {
      filename: file,
    });
    wrapper(module, module.exports, requireFrom(dirname(file)));
    return module.exports;
  };
}
context.require = requireFrom(root);

process.on('unhandledRejection', (reason) =>
  record(`${current} (a promise rejected with no handler)`, reason),
);

// A signed-in customer who has agreed to the privacy guide, so pages go past their sign-in gate.
storage.set('zx.privacyConsentVersion', '2026-11-01');
storage.set('zx.session', {
  accessToken: 'harness-access-token',
  refreshToken: 'harness-refresh-token',
  me: { userId: 'U-HARNESS', role: 'customer', customerId: 'C-HARNESS', displayName: '测试用户' },
});

// ── run ──────────────────────────────────────────────────────────────────────
const started = performance.now();
const SETTLE_MS = 3000;
const results = [];

try {
  context.require('./app');
} catch (error) {
  record('app.js (loading)', error);
}
if (!appConfig) record('app.js', 'App() was never called');
else {
  for (const [hook, args] of [
    ['onLaunch', [{ path: pages[0], query: {}, scene: 1001 }]],
    ['onShow', [{ path: pages[0], query: {}, scene: 1001 }]],
  ]) {
    try {
      appConfig[hook]?.(...args);
    } catch (error) {
      record(`app.js ${hook}`, error);
    }
  }
  await runFor(SETTLE_MS, 'app.js launch');
  if (!calls.some((c) => c.api === 'onNeedPrivacyAuthorization'))
    record(
      'app.js launch',
      'wx.onNeedPrivacyAuthorization was not registered: WeChat would ask for privacy consent again',
    );
}

/** What a page's first render must contain (its setData payload), and why. */
const FIRST_RENDER_MUST_CONTAIN = {
  'pages/privacy/index': {
    text: 'agreePrivacyAuthorization',
    why: 'the 同意 button must have open-type agreePrivacyAuthorization, or WeChat asks for consent a second time',
  },
};

/**
 * One page from load to unload: onLoad(query), onShow, onReady, then onUnload. Returns whether it
 * went without a problem, and its data after the first render.
 */
async function runPage(page, query = {}, label = page, whileShown = null) {
  current = label;
  owner = label;
  const before = problems.length;
  registeredPage = null;
  let renders = 0;
  try {
    context.require(`./${page}`);
  } catch (error) {
    record(`${label} (loading)`, error);
  }
  // A module runs once: a second visit reuses the Page() it registered the first time.
  const config = registeredPage ?? registeredPages.get(page);
  if (!config) {
    if (problems.length === before) record(label, 'Page() was never called');
    return { ok: false, data: {} };
  }
  registeredPages.set(page, config);
  const instance = Object.assign(Object.create(null), config, {
    route: page,
    __route__: page,
    options: query,
    data: JSON.parse(JSON.stringify(config.data ?? {})),
    setData(patch, callback) {
      renders++;
      Object.assign(this.data, patch);
      if (typeof callback === 'function') later(callback);
    },
    selectComponent: () => null,
    selectAllComponents: () => [],
    createSelectorQuery: () => wx.createSelectorQuery(),
    getOpenerEventChannel: () => ({ emit() {}, on() {}, once() {}, off() {} }),
  });
  pageStack.push(instance);
  for (const [hook, args] of [
    ['onLoad', [query]],
    ['onShow', []],
    ['onReady', []],
  ]) {
    try {
      instance[hook]?.(...args);
    } catch (error) {
      record(`${label} ${hook}`, error);
    }
    await runFor(SETTLE_MS, `${label} ${hook}`);
  }
  if (renders === 0) record(label, 'never rendered (no setData after onLoad, onShow and onReady)');
  const rendered = JSON.stringify(instance.data);
  if (whileShown) {
    try {
      whileShown(instance);
    } catch (error) {
      record(label, error);
    }
    await runFor(SETTLE_MS, `${label} (after a tap)`);
  }
  if (process.env.HARNESS_DUMP && label.includes(process.env.HARNESS_DUMP)) console.log(rendered);
  // Leaving by navigateBack: WeChat unloads the page without hiding it first.
  try {
    instance.onUnload?.();
  } catch (error) {
    record(`${label} onUnload`, error);
  }
  await runFor(SETTLE_MS, `${label} onUnload`);
  const leftRunning = [...timers.values()].filter((t) => t.owner === label && t.every !== null);
  if (leftRunning.length > 0)
    record(
      label,
      `${leftRunning.length} interval(s) still running after onUnload (every ${leftRunning.map((t) => `${t.every} ms`).join(', ')})`,
    );
  for (const [id, timer] of timers) if (timer.owner === label) timers.delete(id);
  pageStack.pop();
  return { ok: problems.length === before, rendered };
}

const registeredPages = new Map();
for (const page of pages) {
  const { ok, rendered } = await runPage(page);
  const expected = FIRST_RENDER_MUST_CONTAIN[page];
  if (ok && expected && !rendered.includes(expected.text)) record(page, expected.why);
  results.push({ page, ok: ok && !(expected && !rendered.includes(expected.text)) });
}

/**
 * Taps the element whose own text is `text` as WeChat does (or sends it another event, such as a
 * button's agreeprivacyauthorization): base.wxml binds every element's tap to
 * the page's `eh`, and the native event bubbles, so `eh` is called for the element and then for
 * each ancestor, with the same target and that ancestor as currentTarget.
 */
function tap(instance, text, type = 'tap') {
  const pathTo = (node, trail) => {
    if (!node || typeof node !== 'object') return null;
    const here = node.sid ? [...trail, node.sid] : trail;
    if (node.sid && (node.cn ?? []).some((child) => child.v === text)) return here;
    for (const value of Array.isArray(node) ? node : Object.values(node)) {
      const found = typeof value === 'object' ? pathTo(value, here) : null;
      if (found) return found;
    }
    return null;
  };
  const path = pathTo(instance.data, []);
  if (!path) throw new Error(`nothing to tap shows 「${text}」`);
  const target = { id: path[path.length - 1], dataset: { sid: path[path.length - 1] } };
  for (const sid of [...path].reverse())
    instance.eh({
      type,
      timeStamp: now,
      target,
      currentTarget: { id: sid, dataset: { sid } },
      detail: { x: 1, y: 1 },
      touches: [],
      changedTouches: [],
    });
}

/**
 * Pages again, in a WeChat that differs: an older client, or the API answering a request. Each
 * names what the first render must (and must not) show.
 */
const SCENARIOS = [
  {
    name: 'WeChat without requestFacialVerify',
    page: 'packages/identity/verify/index',
    query: { purpose: 'document%3AHARNESS' },
    wechatLacks: ['requestFacialVerify'],
    answers: {
      'GET /identity/status': {
        customerId: 'C-HARNESS',
        customerNameMasked: '张*',
        purpose: 'document:HARNESS',
        consentVersion: '2026-11-01',
        consented: true,
        verified: null,
        faceFailuresToday: 0,
        maxFaceFailuresPerDay: 5,
        faceLockedUntil: null,
        faceProvider: 'wechat',
        review: null,
      },
    },
    passes: (rendered) => rendered.includes('当前微信版本不支持刷脸认证') && !rendered.includes('开始刷脸'),
    why: 'on a WeChat without wx.requestFacialVerify (base library < 3.8.12) face verification must not be offered',
  },
  {
    name: 'an expired PDF link',
    page: 'packages/letters/detail/index',
    query: { letterId: 'L-HARNESS' },
    answers: {
      'GET /letters/L-HARNESS': {
        letterId: 'L-HARNESS',
        letterType: 'debit_success',
        title: '续期扣款成功通知书',
        policyNo: 'P-HARNESS',
        issuedAt: '2026-11-25T02:00:00.000Z',
        read: true,
        paperCopy: false,
        greeting: '尊敬的客户：',
        paragraphs: ['您的保单续期保险费已扣款成功。'],
        facts: [['保单号', 'P-HARNESS']],
        pdfUrl: 'https://bucket.example.cn/letters/L-HARNESS.pdf?X-Amz-Expires=300',
        pages: 1,
      },
      // The presigned link has expired: S3 answers 403 with an XML body.
      'DOWNLOAD /letters/L-HARNESS.pdf': { statusCode: 403 },
    },
    tap: '查看 PDF 原件（',
    passes: (_rendered, callsAfterTap) =>
      !callsAfterTap.some((c) => c.api === 'openDocument') &&
      callsAfterTap.some((c) => c.api === 'showToast' && String(c.args[0]?.title).includes('链接已过期')),
    why: 'a PDF link that answers 403 must be said to have expired, not handed to openDocument',
  },
  {
    name: 'WeChat pauses a privacy API until the user agrees',
    // What WeChat does when chooseMedia is called before consent: it calls the app's listener.
    before: () => {
      const answered = [];
      const listener = listeners.get('needPrivacyAuthorization');
      if (!listener) throw new Error('no onNeedPrivacyAuthorization listener was registered at launch');
      listener((option) => answered.push(option), { referrer: 'chooseMedia' });
      return answered;
    },
    page: 'pages/privacy/index',
    query: { authorize: '1' },
    tap: '同意并继续',
    tapEvent: 'agreeprivacyauthorization',
    passes: (_rendered, callsAfterTap, answered, callsBefore) =>
      callsBefore.some(
        (c) => c.api === 'navigateTo' && String(c.args[0]?.url).includes('/pages/privacy/index?authorize=1'),
      ) &&
      answered.some((o) => o.event === 'exposureAuthorization') &&
      answered.some((o) => o.event === 'agree' && o.buttonId) &&
      callsAfterTap.some((c) => c.api === 'navigateBack'),
    why: "WeChat's request for consent must open the privacy page, whose 同意 answers agree (with its button id) and goes back",
  },
];

for (const scenario of SCENARIOS) {
  const label = `${scenario.page} (${scenario.name})`;
  for (const api of scenario.wechatLacks ?? []) unsupported.add(api);
  for (const [key, data] of Object.entries(scenario.answers ?? {}))
    answers.set(key, key.startsWith('DOWNLOAD ') ? data : { statusCode: 200, data });
  const startedAt = calls.length;
  let answered = [];
  try {
    answered = scenario.before?.() ?? [];
  } catch (error) {
    record(label, error);
  }
  await runFor(SETTLE_MS, `${label} (before the page)`);
  const callsBefore = calls.slice(startedAt);
  let tappedAt = calls.length;
  const { ok, rendered } = await runPage(
    scenario.page,
    scenario.query,
    label,
    scenario.tap
      ? (instance) => {
          tappedAt = calls.length;
          tap(instance, scenario.tap, scenario.tapEvent);
        }
      : null,
  );
  const passes = ok && scenario.passes(rendered, calls.slice(tappedAt), answered, callsBefore);
  if (ok && !passes) record(label, scenario.why);
  results.push({ page: label, ok: passes });
  unsupported.clear();
  answers.clear();
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const apis = [...new Set(calls.map((c) => c.api))].sort();
console.log(`wx APIs called: ${apis.join(', ')}`);
for (const r of results) if (!r.ok) console.log(`✗ ${r.page}`);
if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p.where}: ${p.message}`);
  console.error(
    `${problems.length} problem(s) loading ${pages.length} pages with only WeChat's globals (${seconds} s)`,
  );
  process.exit(1);
}
console.log(
  `✓ app.js and ${pages.length} pages loaded, shown, rendered and unloaded with only WeChat's globals, and ${SCENARIOS.length} pages in particular cases (${SCENARIOS.map((c) => c.name).join('; ')}) (${seconds} s)`,
);
