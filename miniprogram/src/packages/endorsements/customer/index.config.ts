export default definePageConfig({ navigationBarTitleText: '保全代办', enablePullDownRefresh: true });
