export default definePageConfig({ navigationBarTitleText: '发布俱乐部活动' });
