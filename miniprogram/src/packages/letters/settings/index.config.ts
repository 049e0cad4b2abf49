export default definePageConfig({ navigationBarTitleText: '信函与通知设置' });
