export default definePageConfig({ navigationBarTitleText: '录像授权审核', enablePullDownRefresh: true });
