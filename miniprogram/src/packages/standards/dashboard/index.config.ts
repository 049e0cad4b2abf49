export default definePageConfig({ navigationBarTitleText: '服务标准看板', enablePullDownRefresh: true });
