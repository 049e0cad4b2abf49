export default definePageConfig({ navigationBarTitleText: '电子信函' });
