export default definePageConfig({ navigationBarTitleText: '身份核验审核', enablePullDownRefresh: true });
