import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { pdfDownloadProblem } from '../src/lib/open-pdf';

const require = createRequire(import.meta.url);
const { resolveBuildTarget } = require('../config/build-target.cjs') as {
  resolveBuildTarget: (env: Record<string, string>) => {
    stage: string;
    apiBaseUrl: string;
    liveChatUrl: string;
  };
};

const weappProduction = { NODE_ENV: 'production', TARO_ENV: 'weapp' };

describe('which stage a weapp build is for', () => {
  it('refuses a production weapp build that names no stage', () => {
    expect(() => resolveBuildTarget(weappProduction)).toThrow(/必须声明目标环境/);
  });
  it('keeps the localhost addresses for a build declared local', () => {
    expect(resolveBuildTarget({ ...weappProduction, APP_STAGE: 'local' })).toEqual({
      stage: 'local',
      apiBaseUrl: 'http://localhost:3000',
      liveChatUrl: 'ws://localhost:3000/live-chat',
    });
  });
  it('refuses a deployed stage without https:// and wss:// addresses', () => {
    expect(() =>
      resolveBuildTarget({ ...weappProduction, APP_STAGE: 'prod', API_BASE_URL: 'http://api.example.cn' }),
    ).toThrow(/API_BASE_URL 必须是 https:\/\/.*LIVE_CHAT_URL 必须是 wss:\/\//);
    expect(() =>
      resolveBuildTarget({
        ...weappProduction,
        APP_STAGE: 'dev',
        API_BASE_URL: 'https://api.example.cn',
        LIVE_CHAT_URL: 'ws://chat.example.cn',
      }),
    ).toThrow(/LIVE_CHAT_URL/);
  });
  it('accepts a deployed stage with https:// and wss:// addresses', () => {
    const target = {
      stage: 'prod',
      apiBaseUrl: 'https://api.example.cn',
      liveChatUrl: 'wss://chat.example.cn/prod',
    };
    expect(
      resolveBuildTarget({
        ...weappProduction,
        APP_STAGE: 'prod',
        API_BASE_URL: target.apiBaseUrl,
        LIVE_CHAT_URL: target.liveChatUrl,
      }),
    ).toEqual(target);
  });
  it('leaves H5 builds alone: their host serves the addresses at run time', () => {
    expect(resolveBuildTarget({ NODE_ENV: 'production', TARO_ENV: 'h5' }).stage).toBe('prod');
  });
});

describe('opening a PDF in WeChat', () => {
  it('says an expired link expired, and any other refusal that the file cannot be opened now', () => {
    expect(pdfDownloadProblem(200)).toBeNull();
    expect(pdfDownloadProblem(403)).toBe('文件链接已过期，请返回后重新打开');
    expect(pdfDownloadProblem(500)).toBe('文件暂时无法打开，请稍后重试');
  });
});
