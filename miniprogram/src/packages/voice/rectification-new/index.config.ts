export default definePageConfig({ navigationBarTitleText: '发起整改' });
