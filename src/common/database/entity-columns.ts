import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// `alias.column AS "property"` for every column an entity reads (dates as text, as the ORM reads them), built once
// per entity and alias from the entity's metadata: plain SQL of one constant text that still reads back a column
// added to the entity. For hot paths where the ORM would rebuild the same statement from its metadata on every call.
const built = new Map<string, string>();

export function entityColumns(
  source: DataSource | EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
): string {
  const metadata = (source instanceof DataSource ? source : source.connection).getMetadata(entity);
  const key = `${metadata.name} ${alias}`;
  let text = built.get(key);
  if (text === undefined) {
    text = metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => `${alias}.${c.databaseName}${c.type === 'date' ? '::text' : ''} AS "${c.propertyName}"`)
      .join(', ');
    built.set(key, text);
  }
  return text;
}
