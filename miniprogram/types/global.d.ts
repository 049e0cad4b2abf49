/// <reference types="@tarojs/taro" />

declare const API_BASE_URL: string;
declare const APP_STAGE: string;
declare const LIVE_CHAT_URL: string;

declare module '*.png';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

interface Window {
  __ZX_CONFIG__?: { apiBaseUrl?: string; stage?: string; liveChatUrl?: string };
}

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd';
  }
}
