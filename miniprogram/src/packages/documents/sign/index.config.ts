// Landscape gives the name room; WeChat turns the page, H5 lays the pad out full width.
export default definePageConfig({
  navigationBarTitleText: '签署批单',
  pageOrientation: 'landscape',
  disableScroll: true,
});
