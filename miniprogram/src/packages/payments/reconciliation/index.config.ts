export default definePageConfig({
  navigationBarTitleText: '付款对账',
  enablePullDownRefresh: true,
});
