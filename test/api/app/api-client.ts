import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The web app's types of the API (web/src/api/schema.d.ts) are generated from the API's own OpenAPI document
// and committed; this fails when they are not what the current code generates (run npm run api:client).
describe('the generated API client', () => {
  it('is what the API’s current OpenAPI document generates', () => {
    const root = join(__dirname, '..', '..', '..');
    const run = () =>
      execFileSync(process.execPath, [join(root, 'scripts', 'api-client.js'), '--check'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(run).not.toThrow();
  }, 180_000);
});
