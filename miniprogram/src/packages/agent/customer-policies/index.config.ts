export default definePageConfig({ navigationBarTitleText: 'agent/customer-policies' });
