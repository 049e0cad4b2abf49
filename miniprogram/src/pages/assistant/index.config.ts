export default definePageConfig({ navigationBarTitleText: 'assistant' });
