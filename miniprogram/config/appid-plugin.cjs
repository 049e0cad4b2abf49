// After a weapp build: writes the WeChat appid from the environment into the built
// project.config.json (the committed file keeps the tourist appid, so no real appid lives in
// git), and records what the build is for in build-target.json beside it — the stage and the
// addresses baked in — which the release command checks before uploading (it is not uploaded).
const fs = require('node:fs');
const path = require('node:path');
const { BUILD_TARGET_FILE } = require('./build-target.cjs');

module.exports = (ctx, options) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const file = path.join(ctx.paths.outputPath, 'project.config.json');
    if (!fs.existsSync(file)) return;
    const project = JSON.parse(fs.readFileSync(file, 'utf8'));
    project.appid = process.env.WECHAT_APPID || 'touristappid';
    fs.writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
    const target = { ...options.target, appid: project.appid };
    fs.writeFileSync(
      path.join(ctx.paths.outputPath, BUILD_TARGET_FILE),
      `${JSON.stringify(target, null, 2)}\n`,
    );
  });
};
