export default definePageConfig({ navigationBarTitleText: 'sign-in' });
