import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { buildOpenApi } from '../../../src/http-app';
import { createTestApp, TestApp } from '../../utils/test-app';

interface Property {
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  items?: Property;
}

// The bounds a validation decorator sets, as the OpenAPI keyword that states the same bound.
const KEYWORDS: Record<string, (constraints: number[]) => Partial<Property>> = {
  isLength: ([min, max]) => ({
    ...(min > 0 ? { minLength: min } : {}),
    ...(max !== undefined ? { maxLength: max } : {}),
  }),
  minLength: ([min]) => ({ minLength: min }),
  maxLength: ([max]) => ({ maxLength: max }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  // Its constraint is the RegExp, which OpenAPI states as its source (ECMA-262, as the document's patterns are).
  matches: ([pattern]) => ({ pattern: (pattern as unknown as RegExp).source }),
};

// A client that reads the document must learn every limit the API checks a body or a query against: a bound the
// validation enforces and the schema leaves out lets a generated form send what is then refused.
describe('the limits of bodies and queries', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ runWorkers: false })));
  afterAll(() => t.close());

  it('are in the OpenAPI document as the validation checks them', () => {
    const schemas = (
      buildOpenApi(t.app) as unknown as {
        components: { schemas: Record<string, { properties?: Record<string, Property> }> };
      }
    ).components.schemas;
    // The classes the routes take as their body or query.
    const classes = new Set<new () => unknown>();
    const scanner = new MetadataScanner();
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const proto = Object.getPrototypeOf(wrapper.instance) as object;
        for (const name of scanner.getAllMethodNames(proto)) {
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper.metatype as object, name) ?? {}) as Record<
            string,
            { index: number }
          >;
          const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as (new () => unknown)[];
          for (const [key, { index }] of Object.entries(args)) {
            const kind = Number(key.split(':')[0]);
            if (kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY) classes.add(types[index]);
          }
        }
      }
    }
    const missing: string[] = [];
    let checked = 0;
    // A Set's loop reaches what is added to it meanwhile: the classes nested in a body (a claim's trips) too.
    for (const type of classes) {
      const rules = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
      for (const rule of rules.filter((r) => r.type === ValidationTypes.NESTED_VALIDATION)) {
        // class-transformer's @Type names the nested class: a plain value made into the outer class shows which.
        const made = plainToInstance(type, { [rule.propertyName]: rule.each ? [{}] : {} }) as Record<string, unknown>;
        const value = made[rule.propertyName];
        const nested = (rule.each && Array.isArray(value) ? value[0] : value) as object | undefined;
        if (nested && nested.constructor !== Object) classes.add(nested.constructor as new () => unknown);
      }
      const properties = schemas[type.name]?.properties;
      if (!properties) continue;
      for (const rule of rules) {
        const keywords = KEYWORDS[rule.name ?? ''];
        if (!keywords) continue;
        checked++;
        const property = properties[rule.propertyName];
        const documented = rule.each ? property?.items : property;
        for (const [keyword, bound] of Object.entries(keywords(rule.constraints as number[]))) {
          if (documented?.[keyword as keyof Property] !== bound) {
            missing.push(`${type.name}.${rule.propertyName}${rule.each ? '[]' : ''}: ${keyword} ${bound}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect([...classes].map((c) => c.name)).toEqual(expect.arrayContaining(['TripDto']));
    expect(missing).toEqual([]);
  });
});
