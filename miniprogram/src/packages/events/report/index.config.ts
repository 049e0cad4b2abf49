export default definePageConfig({ navigationBarTitleText: '活动报表', enablePullDownRefresh: true });
