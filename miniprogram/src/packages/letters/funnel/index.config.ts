export default definePageConfig({ navigationBarTitleText: '续期通知送达报表', enablePullDownRefresh: true });
