export default definePageConfig({ navigationBarTitleText: '知识库改进报告', enablePullDownRefresh: true });
