import { JoinColumn, ManyToOne, ObjectType, RelationOptions } from 'typeorm';

// A row's reference to another, through a foreign key column of its own (`column`, beside the id property that reads
// it). RESTRICT unless said otherwise: what is referred to stays while anything refers to it.
export function RefersTo<T>(
  type: () => ObjectType<T>,
  column: string,
  onDelete: RelationOptions['onDelete'] = 'RESTRICT',
): PropertyDecorator {
  return (target, property) => {
    ManyToOne(type, { onDelete })(target, property);
    JoinColumn({ name: column })(target, property);
  };
}
