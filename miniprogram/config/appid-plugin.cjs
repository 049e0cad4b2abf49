// Writes the WeChat appid from the environment into the built project.config.json, so the
// committed file keeps the tourist appid and no real appid lives in git.
const fs = require('node:fs');
const path = require('node:path');

module.exports = (ctx) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const file = path.join(ctx.paths.outputPath, 'project.config.json');
    if (!fs.existsSync(file)) return;
    const project = JSON.parse(fs.readFileSync(file, 'utf8'));
    project.appid = process.env.WECHAT_APPID || 'touristappid';
    fs.writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
  });
};
