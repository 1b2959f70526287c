import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTH_METADATA, AuthRule } from '../../src/common/auth/authenticated.decorator';
import { buildOpenApi } from '../../src/http-app';

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  parameters: Parameter[];
  // The JSON body's schema, resolved; undefined for operations without one.
  body?: Schema;
  multipart: boolean;
  rule: AuthRule;
}

// Who may call each handler, keyed as Nest names operations in the API description (Controller_method).
function rulesByOperationId(app: NestFastifyApplication): Map<string, AuthRule> {
  // Built here: the app provides DiscoveryService only when its queue workers run.
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const rules = new Map<string, AuthRule>();
  for (const wrapper of discovery.getControllers()) {
    const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as () => unknown;
      if (reflector.get(PATH_METADATA, handler) === undefined || reflector.get(METHOD_METADATA, handler) === undefined)
        continue;
      const rule = reflector.getAllAndOverride<AuthRule | undefined>(AUTH_METADATA, [
        handler,
        wrapper.metatype as () => unknown,
      ]);
      if (rule) rules.set(`${wrapper.name}_${name}`, rule);
    }
  }
  return rules;
}

export class OpenApiDocument {
  constructor(private readonly doc: ReturnType<typeof buildOpenApi>) {}

  // $ref and single allOf (how Nest writes enums and nested DTOs) followed to the schema itself.
  resolve(schema: Schema | undefined): Schema {
    let current: Schema = schema ?? {};
    for (let i = 0; i < 10; i++) {
      if (current.$ref) {
        const name = current.$ref.replace('#/components/schemas/', '');
        const { $ref: _ref, ...rest } = current;
        current = { ...rest, ...((this.doc.components?.schemas?.[name] ?? {}) as Schema) };
      } else if (current.allOf?.length === 1) {
        const { allOf, ...rest } = current;
        current = { ...rest, ...allOf[0] };
      } else break;
    }
    return current;
  }

  operations(app: NestFastifyApplication): Operation[] {
    const rules = rulesByOperationId(app);
    return Object.entries(this.doc.paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((method) => item[method])
        .map((method) => {
          const op = item[method]!;
          const content =
            (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content ?? {};
          const operationId = op.operationId ?? `${method} ${path}`;
          const rule = rules.get(operationId);
          if (!rule) throw new Error(`No access rule found for ${operationId}`);
          return {
            method,
            path,
            operationId,
            parameters: (op.parameters ?? []) as Parameter[],
            body: content['application/json'] ? this.resolve(content['application/json'].schema) : undefined,
            multipart: 'multipart/form-data' in content,
            rule,
          };
        }),
    );
  }
}

export function openApiOf(app: NestFastifyApplication): OpenApiDocument {
  return new OpenApiDocument(buildOpenApi(app));
}
