export default definePageConfig({ navigationBarTitleText: '客户之声', enablePullDownRefresh: true });
