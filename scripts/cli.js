// @ts-check
'use strict';
// `npm run cli -- <command>`: the administration CLI (src/cli.ts), run from a content-addressed build of the
// source as it is now (scripts/transpile.js, cachedBuild): a second or so when nothing changed, a few seconds
// when something did, and dist/ is never touched, so an API started from it keeps running undisturbed.
// Types are not checked here; `npm run build` checks them.
const { join } = require('node:path');
const { cachedBuild, TRANSPILED_BUILDS } = require('./transpile');

const build = cachedBuild(TRANSPILED_BUILDS);
if (build.built) console.error(`(${build.files} files transpiled into ${build.dir} in ${build.ms} ms)`);
require(join(build.dir, 'src', 'cli.js'));
