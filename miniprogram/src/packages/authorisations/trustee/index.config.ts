export default definePageConfig({ navigationBarTitleText: '受托办理', enablePullDownRefresh: true });
