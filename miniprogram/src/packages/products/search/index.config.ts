export default definePageConfig({ navigationBarTitleText: '产品查询' });
