export default definePageConfig({ navigationBarTitleText: '电子批单验真' });
