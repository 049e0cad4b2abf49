export default definePageConfig({ navigationBarTitleText: '人工客服' });
