// Landscape gives the name room; WeChat turns the page, H5 lays the pad out full width.
export default definePageConfig({
  navigationBarTitleText: '签署申请书',
  pageOrientation: 'landscape',
  disableScroll: true,
});
