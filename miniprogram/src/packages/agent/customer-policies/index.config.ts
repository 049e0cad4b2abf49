export default definePageConfig({ navigationBarTitleText: '客户保单', enablePullDownRefresh: true });
