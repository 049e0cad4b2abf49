export default definePageConfig({ navigationBarTitleText: '填写授权委托' });
