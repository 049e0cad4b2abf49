export default definePageConfig({ navigationBarTitleText: 'privacy' });
