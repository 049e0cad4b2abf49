import { brand } from '@zhixiang/shared/brand';
import { agentPackage } from './packages/agent/pages';
import { authorisationsPackage } from './packages/authorisations/pages';
import { callbackPackage } from './packages/callback/pages';
import { complaintsPackage } from './packages/complaints/pages';
import { documentsPackage } from './packages/documents/pages';
import { endorsementsPackage } from './packages/endorsements/pages';
import { eventsPackage } from './packages/events/pages';
import { handoffsPackage } from './packages/handoffs/pages';
import { identityPackage } from './packages/identity/pages';
import { ivrPackage } from './packages/ivr/pages';
import { lettersPackage } from './packages/letters/pages';
import { messagesPackage } from './packages/messages/pages';
import { paymentsPackage } from './packages/payments/pages';
import { productsPackage } from './packages/products/pages';
import { standardsPackage } from './packages/standards/pages';
import { voicePackage } from './packages/voice/pages';

// Tab pages and the first screens (privacy, sign-in, policy detail) stay in the main package;
// every feature flow lives in its own subpackage so no package nears WeChat's 2 MB limit. Each
// subpackage lists its own pages in its `pages.ts`: a new page touches only its subpackage.
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
    identityPackage,
    agentPackage,
    productsPackage,
    callbackPackage,
    documentsPackage,
    handoffsPackage,
    endorsementsPackage,
    lettersPackage,
    complaintsPackage,
    voicePackage,
    ivrPackage,
    eventsPackage,
    paymentsPackage,
    messagesPackage,
    authorisationsPackage,
    standardsPackage,
  ],
  window: {
    // WeChat draws its own title bar; in the H5 build this turns on Taro's: the page title with a
    // back button (a home button on a page opened directly, none on tab pages).
    navigationStyle: 'default',
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
    // Icons come from scripts/make-tab-icons.mjs, drawn in the brand's colours.
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/policies/index',
        text: '保单',
        iconPath: 'assets/tab/policy.png',
        selectedIconPath: 'assets/tab/policy-active.png',
      },
      {
        pagePath: 'pages/assistant/index',
        text: '客服',
        iconPath: 'assets/tab/assistant.png',
        selectedIconPath: 'assets/tab/assistant-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  __usePrivacyCheck__: true,
});
