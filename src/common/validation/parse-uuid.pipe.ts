import { ArgumentMetadata, Injectable, Param, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { fieldError } from '../errors/domain-error';

// Path ids are UUIDs; anything else is the client's mistake, named as such, before any query runs.
// Upper case is the same id: lowered, so that every comparison below sees it as PostgreSQL prints it.
@Injectable()
export class ParseUuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value)) throw fieldError(metadata.data ?? 'id', 'isUuid', 'must be a UUID');
    return value.toLowerCase();
  }
}

// A path id through that pipe: `@IdParam() id` reads `:id`, `@IdParam('costId') costId` reads `:costId`.
export const IdParam = (name = 'id'): ParameterDecorator => Param(name, ParseUuidPipe);
