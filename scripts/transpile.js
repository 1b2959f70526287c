// @ts-check
'use strict';
// Transpiles src/ and migrations/ file by file with the installed TypeScript and tsconfig.build.json's
// options, without type checking (as ts-node's transpile-only mode does): what `npm start` needs to run the
// app on a fresh clone in seconds. `npm run build` (nest build, types checked) is the build that CI and the
// Docker image use. The embedded e2e suite builds its child's code the same way (test/utils/compiled-app.ts).
const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const ts = require('typescript');

const ROOT = resolve(__dirname, '..');
const SOURCE_DIRS = ['src', 'migrations'];

/** @returns {import('typescript').CompilerOptions} */
function compilerOptions() {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('tsconfig.build.json could not be read');
  return { ...parsed.options, incremental: false, tsBuildInfoFile: undefined, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };
}

/** @param {string} dir @returns {string[]} paths relative to the repository, sorted */
function sourcesIn(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourcesIn(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

/** @returns {{ path: string; text: string }[]} every file of src/ and migrations/ but specs */
function sourceFiles() {
  return SOURCE_DIRS.flatMap(sourcesIn).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

/** Writes each file's JavaScript under outDir, keeping the layout of dist/ (src/main.js).
 * @param {string} outDir @param {{ path: string; text: string }[]} files @param {import('typescript').CompilerOptions} options */
function transpileTo(outDir, files, options) {
  for (const file of files) {
    const out = ts.transpileModule(file.text, { compilerOptions: options, fileName: join(ROOT, file.path), reportDiagnostics: false });
    const target = join(outDir, file.path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.outputText);
  }
}

module.exports = { ROOT, compilerOptions, sourceFiles, transpileTo };

if (require.main === module) {
  const started = Date.now();
  const outDir = resolve(ROOT, process.argv[2] ?? 'dist');
  const files = sourceFiles();
  rmSync(outDir, { recursive: true, force: true });
  transpileTo(outDir, files, compilerOptions());
  console.log(`${files.length} files transpiled into ${outDir} in ${Date.now() - started} ms (types are checked by npm run build).`);
}
