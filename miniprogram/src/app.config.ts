import { brand } from '@zhixiang/shared/brand';

// Tab pages and the first screens (privacy, sign-in, policy detail) stay in the main package;
// every feature flow lives in its own subpackage so no package nears WeChat's 2 MB limit.
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/policies/index',
    'pages/assistant/index',
    'pages/me/index',
    'pages/privacy/index',
    'pages/sign-in/index',
    'pages/policy-detail/index',
  ],
  subPackages: [
    { root: 'packages/identity', pages: ['bind/index'] },
    { root: 'packages/agent', pages: ['customers/index', 'customer-policies/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: brand.colors.primary,
    navigationBarTitleText: brand.serviceName,
    navigationBarTextStyle: 'white',
    backgroundColor: brand.colors.background,
  },
  tabBar: {
    color: '#6B7280',
    selectedColor: brand.colors.primary,
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/policies/index', text: '保单' },
      { pagePath: 'pages/assistant/index', text: '客服' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  __usePrivacyCheck__: true,
});
