export default definePageConfig({ navigationBarTitleText: '人工客服工作台', enablePullDownRefresh: true });
