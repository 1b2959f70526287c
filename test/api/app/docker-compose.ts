import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

// No Docker engine runs where the tests run: the compose file and the Dockerfile are checked as text, for the
// promises the README makes about them.
const ROOT = join(__dirname, '..', '..', '..');

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  restart?: string;
  healthcheck?: { test?: string[]; disable?: boolean };
  environment?: Record<string, string>;
}

const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const services = Object.entries(compose.services);
const SECRETS = ['JWT_SECRET', 'ENCRYPTION_KEY'];

describe('docker-compose.yml', () => {
  it('has no public default for a secret: it refuses to start without one', () => {
    for (const [name, service] of services) {
      for (const secret of SECRETS.filter((s) => service.environment?.[s] !== undefined)) {
        expect({ service: name, [secret]: service.environment![secret] }).toEqual({
          service: name,
          [secret]: expect.stringMatching(new RegExp(`^\\$\\{${secret}:\\?[^}]+\\}$`)),
        });
      }
    }
    expect(
      services
        .filter(([, s]) => s.environment?.JWT_SECRET)
        .map(([n]) => n)
        .sort(),
    ).toEqual(['api', 'migrate', 'worker']);
  });

  it('builds the image once, and api, worker and migrate run it', () => {
    // Counted in the text too: a `build` merged in with `<<:` is not a key of its own.
    expect(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').match(/^\s*build:/gm)).toHaveLength(1);
    expect(services.filter(([, s]) => s.build !== undefined).map(([n]) => n)).toEqual(['migrate']);
    const image = compose.services.migrate.image;
    expect(['api', 'worker'].map((n) => compose.services[n].image)).toEqual([image, image]);
  });

  it('binds the mail catcher to this machine only', () => {
    expect(compose.services.mailpit.ports?.every((p) => p.startsWith('127.0.0.1:'))).toBe(true);
  });

  it('gives every service a restart policy, and every long-running one a healthcheck', () => {
    for (const [name, service] of services) {
      expect({ name, restart: service.restart }).toEqual({
        name,
        restart: expect.stringMatching(/^(unless-stopped|always|on-failure(:\d+)?)$/),
      });
      // migrate runs once; its health is its exit code (service_completed_successfully).
      if (name !== 'migrate')
        expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.any(Array) });
    }
  });
});

describe('Dockerfile', () => {
  it('builds and runs on Node 24, the current LTS', () => {
    const from = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').match(/^FROM \S+/gm);
    expect(from).toEqual(['FROM node:24-bookworm-slim', 'FROM node:24-bookworm-slim']);
  });
});
