export type DatabaseModeChoice = { ok: true; embedded: boolean } | { ok: false; message: string };

// The embedded mode (PGlite, queues in the same database, one process) is for trying Kokemus out. It is chosen
// when neither DATABASE_URL nor REDIS_URL is set outside production, or when KOKEMUS_EMBEDDED=true says so;
// production never falls into it by accident.
export function chooseDatabaseMode(source: NodeJS.ProcessEnv): DatabaseModeChoice {
  const flag = source.KOKEMUS_EMBEDDED;
  if (flag !== undefined && flag !== '' && flag !== 'true' && flag !== 'false') {
    return { ok: false, message: 'Configuration error: KOKEMUS_EMBEDDED must be true or false' };
  }
  if (flag === 'true') {
    if (source.REDIS_URL) {
      return {
        ok: false,
        message:
          'Configuration error: REDIS_URL is set, but KOKEMUS_EMBEDDED=true keeps the queues in the embedded PostgreSQL; unset one of them',
      };
    }
    return { ok: true, embedded: true };
  }
  if (flag === 'false' || source.DATABASE_URL || source.REDIS_URL || source.NODE_ENV === 'production') {
    return { ok: true, embedded: false };
  }
  return { ok: true, embedded: true };
}
