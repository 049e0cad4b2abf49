export default definePageConfig({ navigationBarTitleText: '在线自助回访' });
