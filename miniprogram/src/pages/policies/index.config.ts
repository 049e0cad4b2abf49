export default definePageConfig({ navigationBarTitleText: 'policies' });
