export default definePageConfig({ navigationBarTitleText: '俱乐部活动', enablePullDownRefresh: true });
