import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Role } from '../../../src/common/auth/role.enum';
import { Language } from '../../../src/common/i18n/language';
import { CredentialsRepository } from '../../../src/modules/credentials/credentials.repository';
import { TrainingType } from '../../../src/modules/credentials/entities/training-credential.entity';
import { ExpertStatus } from '../../../src/modules/experts/entities/expert.entity';
import { createCredential, justSubmitted, samplePdf, samplePng, sha256Hex } from '../../factories/credentials.factory';
import { createExpert } from '../../factories/experts.factory';
import { loggedIn, login, TestUser } from '../../factories/users.factory';
import { CREDENTIAL_ROUTE_PREFIXES, documentedRoutes } from '../../utils/routes';
import { createTestApp, TestApp } from '../../utils/test-app';
import { EVERY_ROLE, itAnswersEveryRouteAsEveryRole, RouteRow, Who } from '../../utils/authorization-table';

type Bearer = { token: string };
type Form = { type?: string; provider?: string; completedOn?: string; [extra: string]: string | undefined };
interface Attachment {
  bytes: Buffer;
  filename: string;
  contentType: string;
}

const VALID: Form = { type: TrainingType.Kokemusasiantuntija, provider: 'Vamia', completedOn: '2025-05-28' };
const pdf = (filename = 'todistus.pdf'): Attachment => ({
  bytes: samplePdf(),
  filename,
  contentType: 'application/pdf',
});

function upload(t: TestApp, who: Bearer, form: Form = VALID, file: Attachment | null = pdf()): request.Test {
  let req = t.http.post('/experts/me/credentials').set('authorization', `Bearer ${who.token}`);
  for (const [name, value] of Object.entries(form)) if (value !== undefined) req = req.field(name, value);
  return file ? req.attach('file', file.bytes, { filename: file.filename, contentType: file.contentType }) : req;
}

function download(t: TestApp, who: Bearer, id: string): request.Test {
  return t.http.get(`/credentials/${id}/file`).set('authorization', `Bearer ${who.token}`).responseType('blob');
}

async function expert(
  t: TestApp,
  language: Language = Language.Fi,
  name = 'Maija Meikäläinen',
): Promise<TestUser & Bearer> {
  const user = await createExpert(t.db, { language, name, status: ExpertStatus.Applicant });
  return { ...user, token: await login(t.http, user) };
}

async function rowsOf(t: TestApp, expertId: string): Promise<{ files: number; credentials: number }> {
  const [row] = await t.db.query(
    `SELECT (SELECT count(*) FROM stored_files WHERE owner_id = $1)::int AS files,
            (SELECT count(*) FROM training_credentials WHERE expert_id = $1)::int AS credentials`,
    [expertId],
  );
  return row;
}

async function auditActions(t: TestApp, entityId: string): Promise<{ action: string; actorId: string }[]> {
  return t.db.query(
    `SELECT action, actor_id AS "actorId" FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, action`,
    [entityId],
  );
}

// Over HTTP: the upload and download of the certificate, the validation of the form and the reason, the route's
// refusals and the journey. The rules of the service (withdrawing, a single decision, its mail in the expert's
// language, who sees which, the completion date) are test/medium/credentials.ts's.
describe('training credentials', () => {
  let t: TestApp;
  let coordinator: TestUser & Bearer;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await loggedIn(t.db, t.http, Role.Coordinator);
  });
  afterAll(() => t.close());

  it('takes a PDF from the expert, lets the coordinator download and verify it, and tells the expert in Finnish', async () => {
    const maija = await expert(t, Language.Fi);
    const file = pdf('Koulutustodistus 2025.pdf');
    const created = await upload(t, maija, VALID, file).expect(201);
    expect(created.body).toEqual(justSubmitted(maija.id, 'Koulutustodistus 2025.pdf', file.bytes));
    const id = created.body.id as string;
    const credentials = t.app.get(CredentialsRepository);
    await expect(credentials.hasVerifiedCredential(maija.id)).resolves.toBe(false);

    const listed = await t.http
      .get(`/experts/${maija.id}/credentials`)
      .set('authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(listed.body).toEqual([created.body]);

    const got = await download(t, coordinator, id).expect(200);
    expect(Buffer.compare(got.body as Buffer, file.bytes)).toBe(0);
    expect(got.headers.etag).toBe(`"${sha256Hex(got.body as Buffer)}"`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Koulutustodistus 2025.pdf"; filename*=UTF-8''Koulutustodistus%202025.pdf`,
    );
    expect(got.headers['cache-control']).toBe('private, no-store');

    const verified = await t.http
      .post(`/credentials/${id}/verify`)
      .set('authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect(verified.body).toMatchObject({
      id,
      status: 'verified',
      decidedBy: coordinator.id,
      decidedAt: expect.any(String),
      rejectionReason: null,
    });
    await expect(credentials.hasVerifiedCredential(maija.id)).resolves.toBe(true);

    const mail = await t.mail.waitFor((m) => m.to === maija.email);
    expect(mail.subject).toBe('Koulutustodistuksesi on hyväksytty');
    expect(mail.headers).toEqual({ 'Content-Language': 'fi' });
    expect(mail.text).toContain('Hei Maija Meikäläinen,');
    expect(mail.text).toContain('Kokemusasiantuntijakoulutus, Vamia, suoritettu 28.5.2025.');
    // It ends with where to go next: the page of the certificates, which the app opens after signing in.
    expect(mail.text).toMatch(/\n\nAvaa palvelu: https?:\/\/[^/\s]+\/certificates$/);

    const again = await t.http
      .post(`/credentials/${id}/verify`)
      .set('authorization', `Bearer ${coordinator.token}`)
      .expect(409);
    expect(again.body.code).toBe('CREDENTIAL_ALREADY_DECIDED');
    expect((await auditActions(t, id)).map((e) => e.action)).toEqual(['credential.submitted', 'credential.verified']);
  });

  it('names the reason when it is missing, blank or too long', async () => {
    const owner = await expert(t);
    const { id } = await createCredential(t.db, owner.id);
    for (const reason of [undefined, '   ', 'x'.repeat(501)]) {
      const res = await t.http
        .post(`/credentials/${id}/reject`)
        .set('authorization', `Bearer ${coordinator.token}`)
        .send(reason === undefined ? {} : { reason })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['reason']));
    }
    expect(
      (await t.http.get(`/experts/${owner.id}/credentials`).set('authorization', `Bearer ${coordinator.token}`)).body[0]
        .status,
    ).toBe('pending');
  });

  describe('who sees what', () => {
    it('keeps orderers away: 403 on the coordinator routes and on the file, each refusal audited', async () => {
      const owner = await expert(t);
      const orderer = await loggedIn(t.db, t.http, Role.Orderer);
      const { id } = await createCredential(t.db, owner.id);
      const as = `Bearer ${orderer.token}`;
      expect((await t.http.get(`/experts/${owner.id}/credentials`).set('authorization', as)).status).toBe(403);
      expect((await t.http.post(`/credentials/${id}/verify`).set('authorization', as)).status).toBe(403);
      expect(
        (await t.http.post(`/credentials/${id}/reject`).set('authorization', as).send({ reason: 'Ei' })).status,
      ).toBe(403);
      const file = await t.http.get(`/credentials/${id}/file`).set('authorization', as).expect(403);
      expect(file.body.code).toBe('ROLE_NOT_ALLOWED');
      const refused = await t.db.query(
        `SELECT details->>'route' AS route FROM audit_events WHERE action = 'authz.denied' AND actor_id = $1`,
        [orderer.id],
      );
      expect(refused).toHaveLength(4);
    });
  });

  describe('bad input: a 4xx naming the field, and nothing left behind', () => {
    let owner: TestUser & Bearer;

    beforeAll(async () => {
      owner = await expert(t);
    });
    afterEach(async () => {
      expect(await rowsOf(t, owner.id)).toEqual({ files: 0, credentials: 0 });
    });

    it('refuses a 6 MB file with 413 FILE_TOO_LARGE', async () => {
      const before = await rowsOf(t, owner.id);
      const big = Buffer.concat([samplePdf(), randomBytes(6 * 1024 * 1024)]);
      const res = await upload(t, owner, VALID, {
        bytes: big,
        filename: 'iso.pdf',
        contentType: 'application/pdf',
      }).expect(413);
      expect(res.body).toMatchObject({
        code: 'FILE_TOO_LARGE',
        errors: [{ field: 'file', code: 'maxSize', message: 'must be at most 5 MB' }],
      });
      expect(await rowsOf(t, owner.id)).toEqual(before);
    });

    it('refuses a text file renamed .pdf and sent as application/pdf', async () => {
      const text = {
        bytes: Buffer.from('Tämä ei ole PDF.\n'),
        filename: 'todistus.pdf',
        contentType: 'application/pdf',
      };
      const res = await upload(t, owner, VALID, text).expect(415);
      expect(res.body).toMatchObject({
        code: 'UNSUPPORTED_FILE_TYPE',
        errors: [{ field: 'file', code: 'unsupportedType' }],
      });
    });

    it('names a missing file, and an empty one', async () => {
      for (const file of [null, { bytes: Buffer.alloc(0), filename: 'tyhja.pdf', contentType: 'application/pdf' }]) {
        const res = await upload(t, owner, VALID, file).expect(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file', code: 'required' }] });
      }
    });

    it.each([
      ['an unknown training type', { type: 'kurssi' }, 'type', 'isEnum'],
      ['a missing type', { type: undefined }, 'type', 'isEnum'],
      ['a missing provider', { provider: undefined }, 'provider', 'isLength'],
      ['a blank provider', { provider: '   ' }, 'provider', 'isLength'],
      ['a provider over 200 characters', { provider: 'V'.repeat(201) }, 'provider', 'isLength'],
      ['a field longer than the form allows', { provider: 'V'.repeat(20_000) }, 'provider', 'maxLength'],
      ['a date in Finnish notation', { completedOn: '28.5.2025' }, 'completedOn', 'matches'],
      ['a date that does not exist', { completedOn: '2025-02-30' }, 'completedOn', 'isIso8601'],
      ['something that is not a date', { completedOn: 'eilen' }, 'completedOn', 'matches'],
      ['an unknown field', { colour: 'red' }, 'colour', 'unknownField'],
    ])('names %s', async (_name, change, field, code) => {
      const res = await upload(t, owner, { ...VALID, ...change }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
    });

    it('names every bad field at once, the missing file among them', async () => {
      const res = await upload(t, owner, { type: 'x', provider: '', completedOn: 'x' }, null).expect(400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(
        new Set(['type', 'provider', 'completedOn', 'file']),
      );
    });

    it('refuses a JSON body: the certificate must come as multipart', async () => {
      const res = await t.http
        .post('/experts/me/credentials')
        .set('authorization', `Bearer ${owner.token}`)
        .send(VALID)
        .expect(415);
      expect(res.body.code).toBe('MULTIPART_REQUIRED');
    });

    it('answers a body that only claims to be multipart with 400 MALFORMED_MULTIPART', async () => {
      for (const contentType of ['multipart/form-data; boundary=kokemus', 'multipart/form-data']) {
        const res = await t.http
          .post('/experts/me/credentials')
          .set('authorization', `Bearer ${owner.token}`)
          .set('content-type', contentType)
          .send('--kokemus\r\nContent-Disposition: form-data; name="type"\r\n\r\nother')
          .expect(400);
        expect(res.body.code).toBe('MALFORMED_MULTIPART');
      }
    });

    it('refuses a second file', async () => {
      const res = await upload(t, owner)
        .attach('file', samplePdf(), { filename: 'toinen.pdf', contentType: 'application/pdf' })
        .expect(413);
      expect(res.body.code).toBe('TOO_MANY_PARTS');
    });
  });

  it('stores one certificate for a form sent again with its Idempotency-Key, and answers with it', async () => {
    const owner = await expert(t);
    const key = `upload-form-${Date.now()}`;
    const send = (who: Bearer, form: Form = VALID) => upload(t, who, form).set('Idempotency-Key', key);
    // The first answer lost; the form sent again: the credential it sent, nothing stored twice.
    const first = await send(owner).expect(201);
    const again = await send(owner).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await rowsOf(t, owner.id)).toEqual({ files: 1, credentials: 1 });
    expect((await auditActions(t, first.body.id)).map((a) => a.action)).toEqual(['credential.submitted']);
    // Decided meanwhile: the answer is the credential as it is now, and still nothing new.
    await t.http
      .post(`/credentials/${first.body.id}/verify`)
      .set('authorization', `Bearer ${coordinator.token}`)
      .expect(200);
    expect((await send(owner).expect(201)).body).toMatchObject({ id: first.body.id, status: 'verified' });
    expect(await rowsOf(t, owner.id)).toEqual({ files: 1, credentials: 1 });
    // Three first sends of another form at once (a triple tap on a slow line): one credential.
    const three = await Promise.all(
      [1, 2, 3].map(() => upload(t, owner).set('Idempotency-Key', `${key}-three`).expect(201)),
    );
    expect(new Set(three.map((res) => res.body.id)).size).toBe(1);
    expect(await rowsOf(t, owner.id)).toEqual({ files: 2, credentials: 2 });
    // Another expert's key is theirs: the same string stores their own.
    const other = await expert(t);
    const theirs = await send(other).expect(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(await rowsOf(t, other.id)).toEqual({ files: 1, credentials: 1 });
    // Without a key, a second send is a second certificate.
    await upload(t, other).expect(201);
    await upload(t, other).expect(201);
    expect(await rowsOf(t, other.id)).toEqual({ files: 3, credentials: 3 });
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(129)],
    ['not ASCII', 'todistus-ä'],
  ])('refuses an Idempotency-Key %s with a 400 naming the header, storing nothing', async (_, key) => {
    const owner = await expert(t);
    const res = await upload(t, owner).set('Idempotency-Key', key).expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'Idempotency-Key', code: 'matches' }],
    });
    expect(await rowsOf(t, owner.id)).toEqual({ files: 0, credentials: 0 });
  });

  it('stores a PNG named .pdf and sent as application/pdf as what it is: image/png', async () => {
    const owner = await expert(t);
    const png = samplePng();
    const created = await upload(t, owner, VALID, {
      bytes: png,
      filename: 'todistus.pdf',
      contentType: 'application/pdf',
    }).expect(201);
    expect(created.body.file).toEqual({
      name: 'todistus.pdf',
      mediaType: 'image/png',
      size: png.length,
      sha256: sha256Hex(png),
    });
    const [row] = await t.db.query(`SELECT media_type FROM stored_files WHERE owner_id = $1`, [owner.id]);
    expect(row.media_type).toBe('image/png');
    const got = await download(t, owner, created.body.id).expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toContain('filename="todistus.pdf.png"');
    expect(Buffer.compare(got.body as Buffer, png)).toBe(0);
  });
});

describe('authorization: every credential route × every role', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let expertId: string;
  let owned: string;
  let withdrawable: string;
  const pendingFor = {} as Record<'verify' | 'reject', Record<Who, string>>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of [Role.Orderer, Role.Coordinator, Role.Admin])
      tokens[role] = (await loggedIn(t.db, t.http, role)).token;
    const owner = await createExpert(t.db);
    expertId = owner.id;
    tokens[Role.Expert] = await login(t.http, owner);
    owned = (await createCredential(t.db, expertId)).id;
    withdrawable = (await createCredential(t.db, expertId)).id;
    for (const action of ['verify', 'reject'] as const) {
      pendingFor[action] = {} as Record<Who, string>;
      for (const who of EVERY_ROLE) pendingFor[action][who] = (await createCredential(t.db, expertId)).id;
    }
  });
  afterAll(() => t.close());

  const only = (role: Role, allowed: number, others = 403): Record<Who, number> => ({
    none: 401,
    orderer: role === Role.Orderer ? allowed : others,
    expert: role === Role.Expert ? allowed : others,
    coordinator: role === Role.Coordinator ? allowed : others,
    admin: role === Role.Admin ? allowed : others,
  });
  // PRODUCT §1: credentials are the coordinator's to judge; the admin reads none of them.
  const staff = (allowed: number): Record<Who, number> => ({
    none: 401,
    orderer: 403,
    expert: 403,
    coordinator: allowed,
    admin: 403,
  });

  const rows: RouteRow[] = [
    {
      method: 'post',
      template: '/experts/me/credentials',
      path: () => '/experts/me/credentials',
      send: (req) =>
        req
          .field('type', 'other')
          .field('provider', 'Vamia')
          .field('completedOn', '2024-11-30')
          .attach('file', samplePdf(), { filename: 'todistus.pdf', contentType: 'application/pdf' }),
      expect: only(Role.Expert, 201),
    },
    {
      method: 'get',
      template: '/experts/me/credentials',
      path: () => '/experts/me/credentials',
      expect: only(Role.Expert, 200),
    },
    {
      method: 'delete',
      template: '/experts/me/credentials/{id}',
      path: () => `/experts/me/credentials/${withdrawable}`,
      expect: only(Role.Expert, 204),
    },
    {
      method: 'get',
      template: '/experts/{id}/credentials',
      path: () => `/experts/${expertId}/credentials`,
      expect: staff(200),
    },
    {
      method: 'get',
      template: '/credentials/{id}/file',
      path: () => `/credentials/${owned}/file`,
      expect: { none: 401, orderer: 403, expert: 200, coordinator: 200, admin: 403 },
    },
    {
      method: 'post',
      template: '/credentials/{id}/verify',
      path: (who) => `/credentials/${pendingFor.verify[who]}/verify`,
      expect: staff(200),
    },
    {
      method: 'post',
      template: '/credentials/{id}/reject',
      path: (who) => `/credentials/${pendingFor.reject[who]}/reject`,
      send: (req) => req.send({ reason: 'Todistus on epäselvä.' }),
      expect: staff(200),
    },
  ];

  it('covers every documented route under the credential prefixes', () => {
    expect(new Set(rows.map((r) => `${r.method} ${r.template}`))).toEqual(
      documentedRoutes(t.app, CREDENTIAL_ROUTE_PREFIXES),
    );
  });

  itAnswersEveryRouteAsEveryRole(rows, () => ({ http: t.http, tokens }));
});
