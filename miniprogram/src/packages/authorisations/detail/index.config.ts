export default definePageConfig({ navigationBarTitleText: '录像授权' });
