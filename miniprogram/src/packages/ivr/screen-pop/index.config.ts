export default definePageConfig({ navigationBarTitleText: '来电弹屏' });
