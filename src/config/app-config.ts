import { Env, parseEnv } from './env.schema';

// The validated configuration, injected by class token wherever a setting is needed.
export class AppConfig {
  constructor(readonly env: Env) {}

  static fromProcessEnv(): AppConfig {
    const parsed = parseEnv(process.env);
    if (!parsed.ok) {
      // One clear line, then stop: a half-configured service is worse than none.
      console.error(parsed.message);
      process.exit(78);
    }
    return new AppConfig(parsed.env);
  }
}
