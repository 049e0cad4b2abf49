export default definePageConfig({ navigationBarTitleText: '活动现场签到' });
