export default definePageConfig({ navigationBarTitleText: '回访工作台', enablePullDownRefresh: true });
