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
    // Identity: binding, and identity verification (verify, ID photos, agent attestation, staff review queue).
    {
      root: 'packages/identity',
      pages: ['bind/index', 'verify/index', 'id-card/index', 'attest/index', 'reviews/index'],
    },
    { root: 'packages/agent', pages: ['customers/index', 'customer-policies/index'] },
    { root: 'packages/products', pages: ['search/index', 'detail/index'] },
    { root: 'packages/callback', pages: ['book/index', 'online/index', 'call-centre/index'] },
    // Electronic documents (电子批单): 我的批单, preview, signing screen, public verification.
    { root: 'packages/documents', pages: ['list/index', 'detail/index', 'sign/index', 'verify/index'] },
    // Assistant live chat and the staff console (issue 9): the staff handoff console (queue, live chat with context)
    // and the knowledge base's improvement report.
    { root: 'packages/handoffs', pages: ['queue/index', 'chat/index', 'feedback/index'] },
    // Endorsements (保全): one form per type, the application (review → identity → sign → submit → result),
    // 我的申请, the agent's workspace for one customer, the staff review queue (保全审核).
    {
      root: 'packages/endorsements',
      pages: ['apply/index', 'application/index', 'list/index', 'customer/index', 'reviews/index'],
    },
    // E-letters and renewal notices (issue 7): 我的信函, a letter, settings, a letter by its link, the funnel.
    {
      root: 'packages/letters',
      pages: ['list/index', 'detail/index', 'settings/index', 'open/index', 'funnel/index'],
    },
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
