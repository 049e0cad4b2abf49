export default definePageConfig({ navigationBarTitleText: '批单详情' });
