export default definePageConfig({ navigationBarTitleText: '录像授权', enablePullDownRefresh: true });
