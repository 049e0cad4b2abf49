export default definePageConfig({ navigationBarTitleText: '信函详情' });
