export default definePageConfig({ navigationBarTitleText: 'policy-detail' });
