// The application page is what an agent shares with the customer (WeChat share of this page).
export default definePageConfig({
  navigationBarTitleText: '保全申请',
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
});
