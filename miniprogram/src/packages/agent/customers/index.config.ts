export default definePageConfig({ navigationBarTitleText: 'agent/customers' });
