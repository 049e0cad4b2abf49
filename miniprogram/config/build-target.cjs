// Which stage a weapp build is for, and the addresses baked into it. WeChat loads no runtime
// configuration file, so the API and live-chat addresses are fixed at build time; a build for a
// deployed stage must carry HTTPS and WSS addresses (WeChat refuses anything else outside the
// developer tools). A production weapp build names its stage explicitly — `APP_STAGE=local` for
// a build that only the tests and the developer tools load —, so a forgotten address can never
// ship as localhost.
const LOCAL_API = 'http://localhost:3000';
const LOCAL_LIVE_CHAT = 'ws://localhost:3000/live-chat';
const STAGES = ['local', 'dev', 'prod'];

/** What is wrong with a deployed stage's addresses; empty when they may ship. */
function addressProblems({ apiBaseUrl, liveChatUrl }) {
  const problems = [];
  if (!/^https:\/\/[^/\s]+/.test(apiBaseUrl ?? ''))
    problems.push(`API_BASE_URL 必须是 https:// 地址（现为 ${apiBaseUrl || '空'}）`);
  if (!/^wss:\/\/[^/\s]+/.test(liveChatUrl ?? ''))
    problems.push(`LIVE_CHAT_URL 必须是 wss:// 地址（现为 ${liveChatUrl || '空'}）`);
  return problems;
}

/**
 * The build's target from the environment. Throws, failing the build, when a production weapp
 * build names no stage, or names a deployed stage without HTTPS and WSS addresses.
 */
function resolveBuildTarget(env) {
  const production = env.NODE_ENV === 'production';
  const weapp = env.TARO_ENV === 'weapp';
  const declared = env.APP_STAGE;
  if (declared && !STAGES.includes(declared))
    throw new Error(`APP_STAGE 只能是 ${STAGES.join(' / ')}（现为 ${declared}）`);
  if (production && weapp && !declared)
    throw new Error(
      '微信小程序的生产构建必须声明目标环境：发布请用 npm run deploy:miniprogram -- --stage <dev|prod> …；' +
        '仅供测试和开发者工具加载的构建请设 APP_STAGE=local',
    );
  const stage = declared ?? (production ? 'prod' : 'local');
  if (weapp && stage !== 'local') {
    const target = { stage, apiBaseUrl: env.API_BASE_URL ?? '', liveChatUrl: env.LIVE_CHAT_URL ?? '' };
    const problems = addressProblems(target);
    if (problems.length > 0)
      throw new Error(`${stage} 环境的微信小程序构建地址不合规：${problems.join('；')}`);
    return target;
  }
  // A local weapp build, or H5 (whose host serves the addresses at run time; these are fallbacks).
  return {
    stage,
    apiBaseUrl: env.API_BASE_URL ?? LOCAL_API,
    liveChatUrl: env.LIVE_CHAT_URL ?? LOCAL_LIVE_CHAT,
  };
}

module.exports = { addressProblems, resolveBuildTarget, BUILD_TARGET_FILE: 'build-target.json' };
