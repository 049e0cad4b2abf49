export default definePageConfig({ navigationBarTitleText: '俱乐部活动签到', enablePullDownRefresh: true });
