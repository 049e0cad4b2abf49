export default definePageConfig({ navigationBarTitleText: '保全审核', enablePullDownRefresh: true });
