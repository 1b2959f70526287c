import { Role } from '../src/common/auth/role.enum';
import { loggedIn } from './factories/users.factory';
import { createTestApp, TestApp } from './utils/test-app';

describe('bad input is a clear 4xx that names the problem', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    admin = (await loggedIn(t.db, t.http, Role.Admin)).token;
  });
  afterAll(() => t.close());

  const problemShape = {
    type: 'about:blank',
    title: expect.any(String),
    status: expect.any(Number),
    code: expect.any(String),
    detail: expect.any(String),
    correlationId: expect.any(String),
  };

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http
      .post('/units')
      .set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/json')
      .send('{"code": "4110",')
      .expect(400);
    expect(res.body).toMatchObject({ ...problemShape, code: 'MALFORMED_JSON' });
    expect(res.headers['x-request-id']).toBe(res.body.correlationId);
  });

  it('names an unknown field', async () => {
    const res = await t.http
      .post('/units')
      .set('authorization', `Bearer ${admin}`)
      .send({ code: 'U-1', nameFi: 'Yksikkö', nameSv: 'Enhet', activeFrom: '2026-01-01', colour: 'red' })
      .expect(400);
    expect(res.body).toMatchObject({ ...problemShape, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual([{ field: 'colour', code: 'unknownField', message: 'colour is not a known field' }]);
  });

  it('names fields of the wrong type or form', async () => {
    const res = await t.http
      .post('/units')
      .set('authorization', `Bearer ${admin}`)
      .send({ code: 42, nameFi: '', nameSv: 'Enhet', activeFrom: '2026-02-30' })
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(new Set(fields)).toEqual(new Set(['code', 'nameFi', 'activeFrom']));
  });

  it('names a path id that is not a UUID', async () => {
    const res = await t.http.get('/units/not-a-uuid').set('authorization', `Bearer ${admin}`).expect(400);
    expect(res.body.errors).toEqual([{ field: 'id', code: 'isUuid', message: 'must be a UUID' }]);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await t.http
      .post('/units')
      .set('authorization', `Bearer ${admin}`)
      .send({ code: 'U-2', nameFi: 'x'.repeat(5000), nameSv: 'Enhet', activeFrom: '2026-01-01' })
      .expect(413);
    expect(res.body).toMatchObject({ ...problemShape, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses an end before the start, naming the field', async () => {
    const res = await t.http
      .post('/units')
      .set('authorization', `Bearer ${admin}`)
      .send({ code: 'U-3', nameFi: 'Yksikkö', nameSv: 'Enhet', activeFrom: '2026-05-01', activeUntil: '2026-04-30' })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'activeUntil', code: 'beforeActiveFrom' })]);
  });

  it('answers an unknown route with 404 in the same format', async () => {
    const res = await t.http.get('/no-such-thing').set('authorization', `Bearer ${admin}`).expect(404);
    expect(res.body).toMatchObject({ ...problemShape, code: 'NOT_FOUND' });
  });

  it('refuses a duplicate unit code with 409', async () => {
    const body = { code: `DUP-${Date.now()}`, nameFi: 'Yksikkö', nameSv: 'Enhet', activeFrom: '2026-01-01' };
    await t.http.post('/units').set('authorization', `Bearer ${admin}`).send(body).expect(201);
    const res = await t.http.post('/units').set('authorization', `Bearer ${admin}`).send(body).expect(409);
    expect(res.body.code).toBe('ORGANISATION_CODE_TAKEN');
  });
});
