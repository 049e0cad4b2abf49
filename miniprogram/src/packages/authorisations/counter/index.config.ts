export default definePageConfig({ navigationBarTitleText: '柜面代办' });
