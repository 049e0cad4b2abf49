export default definePageConfig({ navigationBarTitleText: '审核录像授权' });
