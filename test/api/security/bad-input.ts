import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { Role } from '../../../src/common/auth/role.enum';
import { createExpert } from '../../factories/experts.factory';
import { createUnit } from '../../factories/organisations.factory';
import { uniqueIdentityCode } from '../../factories/identity-code.factory';
import { createUser, loggedIn, login } from '../../factories/users.factory';
import { createTestApp, TestApp } from '../../utils/test-app';

// The organisations' own rules behind some of these inputs (an active period that ends before it starts, a code
// already taken, a project's owner) are test/medium/organisations.ts's.
describe('bad input is a clear 4xx that names the problem', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096', LOG_LEVEL: 'warn' } });
    admin = (await loggedIn(t.db, t.http, Role.Admin)).token;
    coordinator = (await loggedIn(t.db, t.http, Role.Coordinator)).token;
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

  it('refuses a JSON body declared in another charset than UTF-8 with 415, and takes UTF-8 however written', async () => {
    const post = (contentType: string) =>
      t.http
        .post('/units')
        .set('authorization', `Bearer ${admin}`)
        .set('content-type', contentType)
        .send(JSON.stringify({ colour: 'red' }));
    for (const refused of ['application/json; charset=utf-16', 'application/json; charset="iso-8859-1"']) {
      const res = await post(refused).expect(415);
      expect(res.body).toMatchObject({ ...problemShape, code: 'UNSUPPORTED_CHARSET' });
    }
    // Read, then refused for what it says (an unknown field): the charset was no obstacle.
    for (const taken of ['application/json; charset=UTF-8', 'application/json;charset="utf8"', 'application/json'])
      expect((await post(taken).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('names an unknown field', async () => {
    const res = await t.http
      .post('/units')
      .set('authorization', `Bearer ${admin}`)
      .send({ code: 'U-1', nameFi: 'Yksikkö', nameSv: 'Enhet', activeFrom: '2026-01-01', colour: 'red' })
      .expect(400);
    expect(res.body).toMatchObject({ ...problemShape, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual([
      { field: 'colour', code: 'unknownField', message: 'colour is not a known field' },
    ]);
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

  it('answers an unknown route with 404 in the same format', async () => {
    const res = await t.http.get('/no-such-thing').set('authorization', `Bearer ${admin}`).expect(404);
    expect(res.body).toMatchObject({ ...problemShape, code: 'NOT_FOUND' });
  });

  // A value refused because it is taken or wrong keeps its code (clients know it) and names its field, so that a
  // form shows the refusal at the field.
  describe('a refusal of one field’s value names the field beside its code', () => {
    const post = (token: string, path: string, body: object) =>
      t.http.post(path).set('authorization', `Bearer ${token}`).send(body);

    it('an e-mail address already taken by another account, when inviting', async () => {
      const taken = await createUser(t.db, Role.Orderer);
      const res = await post(admin, '/users', {
        name: 'Toinen Tilaaja',
        email: taken.email.toUpperCase(),
        role: 'orderer',
        language: 'fi',
      }).expect(409);
      expect(res.body).toMatchObject({ ...problemShape, code: 'EMAIL_TAKEN' });
      expect(res.body.errors).toEqual([
        { field: 'email', code: 'taken', message: 'another account has this e-mail address' },
      ]);
    });

    it('a cost centre already taken, when creating a unit and when changing a project', async () => {
      const unit = await createUnit(t.db);
      const created = await post(admin, '/units', {
        code: unit.code,
        nameFi: 'Toinen yksikkö',
        nameSv: 'En annan enhet',
        activeFrom: '2026-01-01',
      }).expect(409);
      const field = [{ field: 'code', code: 'taken', message: 'another unit or project has this code' }];
      expect(created.body).toMatchObject({ ...problemShape, code: 'ORGANISATION_CODE_TAKEN' });
      expect(created.body.errors).toEqual(field);

      const project = await post(admin, '/projects', {
        code: `P-${randomUUID().slice(0, 8)}`,
        nameFi: 'Hanke',
        nameSv: 'Projekt',
        activeFrom: '2026-01-01',
        ownerUnitId: unit.id,
      }).expect(201);
      const changed = await t.http
        .patch(`/projects/${project.body.id}`)
        .set('authorization', `Bearer ${admin}`)
        .send({ code: unit.code })
        .expect(409);
      expect(changed.body).toMatchObject({ ...problemShape, code: 'ORGANISATION_CODE_TAKEN' });
      expect(changed.body.errors).toEqual(field);
    });

    it('an identity code already on another expert’s account', async () => {
      const { code } = uniqueIdentityCode();
      const put = async (token: string) =>
        t.http
          .put('/experts/me/payment-details')
          .set('authorization', `Bearer ${token}`)
          .send({ iban: 'FI21 1234 5600 0007 85', identityCode: code, payee: 'expert' });
      expect((await put(await login(t.http, await createExpert(t.db)))).status).toBe(200);
      const res = await put(await login(t.http, await createExpert(t.db)));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ ...problemShape, code: 'IDENTITY_CODE_TAKEN' });
      expect(res.body.errors).toEqual([
        { field: 'identityCode', code: 'taken', message: 'another expert account has this identity code' },
      ]);
    });

    it('a fee rate’s first day on which the task already has a rate', async () => {
      const day = `${2040 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
      const rate = { taskType: 'lecture', basis: 'hourly', rateCents: 3100, validFrom: day };
      await post(coordinator, '/fee-schedule', rate).expect(201);
      const res = await post(coordinator, '/fee-schedule', { ...rate, rateCents: 3200 }).expect(409);
      expect(res.body).toMatchObject({ ...problemShape, code: 'FEE_RATE_EXISTS' });
      expect(res.body.errors).toEqual([
        { field: 'validFrom', code: 'taken', message: 'this task type already has a rate starting on this date' },
      ]);
    });
  });

  describe('malformed input never reaches the code behind the route', () => {
    let orderer: string;
    let expert: string;
    const fields = (res: { body: { errors?: Array<{ field: string; code: string }> } }) =>
      (res.body.errors ?? []).map((e) => `${e.field}:${e.code}`);
    const json = (req: ReturnType<TestApp['http']['post']>, text: string) =>
      req.set('content-type', 'application/json').send(text);
    const deep = (depth: number) => `{"email":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`;

    beforeAll(async () => {
      orderer = (await loggedIn(t.db, t.http, Role.Orderer)).token;
      expert = await login(t.http, await createExpert(t.db));
    });

    it('refuses a deeply nested body on a public route with 400 BODY_TOO_DEEP before validating it', async () => {
      const res = await json(t.http.post('/auth/login'), deep(2000)).expect(400);
      expect(res.body).toMatchObject({ ...problemShape, code: 'BODY_TOO_DEEP' });
      expect(res.headers['x-request-id']).toBe(res.body.correlationId);
      await json(t.http.post('/auth/login'), deep(40)).expect(400, /BODY_TOO_DEEP/);
    });

    it('refuses a NUL character in a text field, naming the field and writing nothing', async () => {
      const code = `NUL-${randomUUID().slice(0, 8)}`;
      const res = await t.http
        .post('/units')
        .set('authorization', `Bearer ${admin}`)
        .send({ code, nameFi: 'Yksikkö\u0000', nameSv: 'Enhet', activeFrom: '2026-01-01' })
        .expect(400);
      expect(fields(res)).toEqual(['nameFi:controlCharacter']);
      await expect(t.db.query('SELECT count(*)::int AS n FROM organisations WHERE code = $1', [code])).resolves.toEqual(
        [{ n: 0 }],
      );
    });

    it('refuses a person’s name of spaces only wherever a name is typed, and keeps a name without its spaces', async () => {
      const blank = { name: '   ' };
      const email = `blank-${randomUUID()}@example.test`;
      const apply = await t.http
        .post('/experts/applications')
        .send({ ...blank, email })
        .expect(400);
      expect(fields(apply)).toEqual(['name:isLength']);
      const asAdmin = { authorization: `Bearer ${admin}` };
      const invite = await t.http
        .post('/users')
        .set(asAdmin)
        .send({ ...blank, email, role: 'orderer' })
        .expect(400);
      expect(fields(invite)).toEqual(['name:isLength']);
      await expect(t.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).resolves.toEqual([
        { n: 0 },
      ]);
      const user = await createUser(t.db, Role.Orderer);
      const rename = await t.http.patch(`/users/${user.id}`).set(asAdmin).send(blank).expect(400);
      expect(fields(rename)).toEqual(['name:isLength']);
      const profile = await t.http
        .patch('/experts/me')
        .set('authorization', `Bearer ${expert}`)
        .send(blank)
        .expect(400);
      expect(fields(profile)).toEqual(['name:isLength']);

      const renamed = await t.http.patch(`/users/${user.id}`).set(asAdmin).send({ name: '  Ulla Uusi ' }).expect(200);
      expect(renamed.body.name).toBe('Ulla Uusi');
    });

    it('refuses a control character in a query parameter and a path parameter', async () => {
      const query = await t.http.get('/users?role=admin%00').set('authorization', `Bearer ${admin}`).expect(400);
      expect(fields(query)).toEqual(['role:controlCharacter']);
      const path = await t.http.get('/calendar/abc%00.ics').expect(400);
      expect(fields(path)).toEqual(['token:controlCharacter']);
    });

    it('refuses a lone UTF-16 surrogate in an e-mail address, naming the field', async () => {
      const res = await t.http
        .post('/auth/login')
        .send({ email: 'maija\ud800@example.test', password: 'x' })
        .expect(400);
      expect(fields(res)).toEqual(['email:illFormedUnicode']);
    });

    it('refuses null for optional fields whose column cannot hold it, naming the field', async () => {
      const unit = await createUnit(t.db);
      const patch = await t.http
        .patch(`/units/${unit.id}`)
        .set('authorization', `Bearer ${admin}`)
        .send({ nameFi: null, code: null })
        .expect(400);
      expect(fields(patch).sort()).toEqual(['code:isNotNull', 'nameFi:isNotNull']);
      const user = await createUser(t.db, Role.Orderer);
      const language = await t.http
        .patch(`/users/${user.id}`)
        .set('authorization', `Bearer ${admin}`)
        .send({ language: null })
        .expect(400);
      expect(fields(language)).toEqual(['language:isNotNull']);
      const email = `applicant-${randomUUID()}@example.test`;
      const apply = await t.http
        .post('/experts/applications')
        .send({ email, name: 'Maija', language: null })
        .expect(400);
      expect(fields(apply)).toEqual(['language:isNotNull']);
      await expect(t.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).resolves.toEqual([
        { n: 0 },
      ]);
    });

    it('still takes null where the API description allows it', async () => {
      const unit = await createUnit(t.db, { activeUntil: '2030-12-31' });
      const res = await t.http
        .patch(`/units/${unit.id}`)
        .set('authorization', `Bearer ${admin}`)
        .send({ activeUntil: null })
        .expect(200);
      expect(res.body.activeUntil).toBeNull();
    });

    it.each([['1e308'], ['12345678901234567890'], ['1000001']])(
      'refuses the paging offset %s, naming it',
      async (offset) => {
        const res = await t.http.get(`/users?offset=${offset}`).set('authorization', `Bearer ${admin}`).expect(400);
        expect(fields(res)).toEqual(['offset:max']);
      },
    );

    it('refuses a tiny decimal such as 1e-7 in decimal fields, naming each', async () => {
      const request = await json(
        t.http.post('/booking-requests').set('authorization', `Bearer ${orderer}`),
        `{"organisationId":"${randomUUID()}","taskType":"working_group","title":"T","startsAt":"2027-02-02T08:00:00Z","endsAt":"2027-02-02T10:00:00Z","remote":true,"languages":["fi"],"expertsNeeded":1,"preparationHours":1e-7}`,
      ).expect(400);
      expect(fields(request)).toEqual(['preparationHours:isNumber']);
      const tax = await json(
        t.http.put('/experts/me/payment-details').set('authorization', `Bearer ${expert}`),
        '{"payee":"expert","taxPercent":1e-7,"taxCardYear":2026}',
      ).expect(400);
      expect(fields(tax)).toEqual(['taxPercent:isNumber']);
      const claim = await json(
        t.http.post('/claims').set('authorization', `Bearer ${expert}`),
        `{"assignmentId":"${randomUUID()}","trips":[{"from":"Vaasa","to":"Mustasaari","km":1e-7,"date":"2026-10-20"}]}`,
      ).expect(400);
      expect(fields(claim).sort()).toEqual(['trips.0.km:isNumber', 'trips.0.km:min']);
    });

    it.each([[[]], ['Yhdistys ry'], [42]])(
      'refuses payment to an association given as %p, naming it',
      async (association) => {
        const res = await t.http
          .put('/experts/me/payment-details')
          .set('authorization', `Bearer ${expert}`)
          .send({ payee: 'association', association })
          .expect(400);
        expect(fields(res)).toContain('association:isObject');
      },
    );

    it.each([
      ['without an offset', '2027-02-02T08:00:00'],
      ['as a date alone', '2027-02-02'],
      ['with a space for T', '2027-02-02 08:00:00Z'],
    ])('refuses a booking time %s, naming the field', async (_label, startsAt) => {
      const res = await t.http
        .post('/booking-requests')
        .set('authorization', `Bearer ${orderer}`)
        .send({
          organisationId: randomUUID(),
          taskType: 'working_group',
          title: 'T',
          startsAt,
          endsAt: '2027-02-02T10:00:00Z',
          remote: true,
          languages: ['fi'],
          expertsNeeded: 1,
        })
        .expect(400);
      expect(fields(res)).toEqual(['startsAt:matches']);
    });

    it('refuses an offer deadline without an offset, naming it', async () => {
      const res = await t.http
        .post(`/booking-requests/${randomUUID()}/offers`)
        .set('authorization', `Bearer ${coordinator}`)
        .send({ expertIds: [randomUUID()], deadline: '2027-01-20T12:00:00' })
        .expect(400);
      expect(fields(res)).toEqual(['deadline:matches']);
    });

    it('refuses a PATCH whose body is null, changing nothing', async () => {
      const before = (await t.http.get('/fee-settings').set('authorization', `Bearer ${coordinator}`).expect(200)).body;
      const res = await json(
        t.http.patch('/fee-settings').set('authorization', `Bearer ${coordinator}`),
        'null',
      ).expect(400);
      expect(res.body).toMatchObject({ ...problemShape, code: 'BODY_NOT_OBJECT' });
      await json(
        t.http.patch('/fee-settings').set('authorization', `Bearer ${coordinator}`),
        '[{"claimTimeLimitDays":1}]',
      ).expect(400, /BODY_NOT_OBJECT/);
      await expect(
        t.http
          .get('/fee-settings')
          .set('authorization', `Bearer ${coordinator}`)
          .then((r) => r.body),
      ).resolves.toEqual(before);
    });
  });

  describe('membership path ids in upper case', () => {
    it('adds the member once, answers 200, and a repeated PUT writes no second audit row', async () => {
      const unit = await createUnit(t.db);
      const member = await createUser(t.db, Role.Orderer);
      const put = (unitId: string, userId: string) =>
        t.http.put(`/organisations/${unitId}/members/${userId}`).set('authorization', `Bearer ${admin}`);
      const res = await put(unit.id.toUpperCase(), member.id.toUpperCase()).expect(200);
      expect(res.body).toMatchObject({ userId: member.id });
      await put(unit.id, member.id).expect(200);
      await put(unit.id.toUpperCase(), member.id).expect(200);
      await expect(
        t.db.query('SELECT count(*)::int AS n FROM organisation_members WHERE organisation_id = $1 AND user_id = $2', [
          unit.id,
          member.id,
        ]),
      ).resolves.toEqual([{ n: 1 }]);
      await expect(
        t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'membership.added' AND entity_id = $1`, [
          unit.id,
        ]),
      ).resolves.toEqual([{ n: 1 }]);
    });

    it('reads and removes with upper-case ids too', async () => {
      const unit = await createUnit(t.db);
      const member = await createUser(t.db, Role.Orderer);
      await t.http
        .put(`/organisations/${unit.id}/members/${member.id}`)
        .set('authorization', `Bearer ${admin}`)
        .expect(200);
      await t.http.get(`/units/${unit.id.toUpperCase()}`).set('authorization', `Bearer ${admin}`).expect(200);
      await t.http
        .delete(`/organisations/${unit.id.toUpperCase()}/members/${member.id.toUpperCase()}`)
        .set('authorization', `Bearer ${admin}`)
        .expect(204);
    });
  });

  describe('errors of the HTTP router itself', () => {
    it('answers a malformed percent-encoding in the path with problem+json and a correlation id', async () => {
      const res = await t.http.get('/units/%E0%A4%A').set('authorization', `Bearer ${admin}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ ...problemShape, code: 'MALFORMED_PATH' });
      expect(res.headers['x-request-id']).toBe(res.body.correlationId);
    });

    it('answers an over-long path parameter with 414 problem+json without echoing it', async () => {
      const long = `x${'a'.repeat(499)}`;
      const res = await t.http.get(`/units/${long}`).set('authorization', `Bearer ${admin}`).expect(414);
      expect(res.body).toMatchObject({ ...problemShape, code: 'PATH_PARAMETER_TOO_LONG' });
      expect(res.headers['x-request-id']).toBe(res.body.correlationId);
      expect(res.text).not.toContain(long.slice(0, 120));
    });

    // What the client writes on a socket of its own, and all the server answers before it closes; or, to hang up
    // half-way, the socket closed by the client once the server has read what was written.
    async function raw(request: string, hangUp = false): Promise<string> {
      const server = t.app.getHttpServer() as Server;
      await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
      try {
        const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.write(request);
        if (hangUp) setTimeout(() => socket.destroy(), 300);
        await new Promise<void>((closed) => socket.on('close', () => closed()));
        return Buffer.concat(chunks).toString('utf8');
      } finally {
        await new Promise((closed) => server.close(closed));
      }
    }

    function problemOf(answer: string) {
      const [head, body] = answer.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), head: head.toLowerCase(), body: JSON.parse(body) as object };
    }

    it.each([
      ['a NUL byte in a header', 'GET /api/me HTTP/1.1\r\nHost: x\r\nAccept-Language: a\0b\r\n\r\n'],
      ['an unknown method', 'BREW /api/me HTTP/1.1\r\nHost: x\r\n\r\n'],
      ['a space in a header name', 'GET /api/me HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'],
      [
        'two Content-Lengths',
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      ],
      [
        'broken chunked encoding',
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      ],
    ])('answers %s, refused by the HTTP parser, with problem+json and a correlation id', async (_, request) => {
      const { status, head, body } = problemOf(await raw(request));
      expect(status).toBe(400);
      expect(head).toContain('content-type: application/problem+json');
      expect(body).toMatchObject({ ...problemShape, status: 400, code: 'MALFORMED_REQUEST' });
      expect(head).toContain(`x-request-id: ${(body as { correlationId: string }).correlationId}`);
    });

    it('answers headers over the limit with 431 problem+json', async () => {
      const { status, body } = problemOf(
        await raw(`GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`),
      );
      expect(status).toBe(431);
      expect(body).toMatchObject({ ...problemShape, status: 431, code: 'HEADERS_TOO_LARGE' });
    });

    it('does not log a body cut short by the client as an unhandled error', async () => {
      const before = t.logs.length;
      await raw(
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":"a"',
        true,
      );
      // The server notices the hang-up while it reads the body; its log line, if any, follows at once.
      await new Promise((settled) => setTimeout(settled, 1000));
      const logs = t.logs.slice(before).join('');
      expect(logs).not.toMatch(/"level":(50|60)/);
    });

    it('does not echo the path of an unknown route', async () => {
      const res = await t.http.get('/no-such-thing-at-all').set('authorization', `Bearer ${admin}`).expect(404);
      expect(res.text).not.toContain('no-such-thing-at-all');
    });
  });
});
