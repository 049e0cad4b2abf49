export default definePageConfig({ navigationBarTitleText: '我的信函', enablePullDownRefresh: true });
