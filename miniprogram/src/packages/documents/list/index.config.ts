export default definePageConfig({ navigationBarTitleText: '我的批单', enablePullDownRefresh: true });
