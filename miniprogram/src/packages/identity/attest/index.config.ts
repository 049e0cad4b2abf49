export default definePageConfig({ navigationBarTitleText: '业务员当面核验' });
