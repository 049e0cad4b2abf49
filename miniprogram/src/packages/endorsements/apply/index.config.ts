export default definePageConfig({ navigationBarTitleText: '保全申请' });
