export default definePageConfig({ navigationBarTitleText: 'identity/bind' });
