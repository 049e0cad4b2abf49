export default definePageConfig({ navigationBarTitleText: '人工客服旁听', enablePullDownRefresh: true });
