import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AUTH_METADATA } from '../../../src/common/auth/authenticated.decorator';
import { createTestApp, TestApp } from '../../utils/test-app';

describe('every route declares who may call it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds an access rule on every handler', () => {
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (reflector.get(PATH_METADATA, handler) === undefined) continue;
        routes++;
        const rule = reflector.getAllAndOverride(AUTH_METADATA, [handler, wrapper.metatype]);
        if (!rule) undeclared.push(`${RequestMethod[reflector.get(METHOD_METADATA, handler)]} ${wrapper.name}.${name}`);
      }
    }
    expect(routes).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });
});
