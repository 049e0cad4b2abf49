export default definePageConfig({ navigationBarTitleText: '预约回访' });
