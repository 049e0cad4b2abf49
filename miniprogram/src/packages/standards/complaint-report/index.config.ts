export default definePageConfig({ navigationBarTitleText: '投诉报表', enablePullDownRefresh: true });
