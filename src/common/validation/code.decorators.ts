import { ValidationOptions } from 'class-validator';
import { MatchesPattern } from './matches-pattern.decorator';

// Codes the API takes in several places. Both are `matches` refusals, the field code clients already know, and say
// which field (or each value of a list) is not a code.
const eachPrefix = (options: ValidationOptions) => (options.each ? 'each value in ' : '');

// A municipality code of Statistics Finland, as GET /municipalities lists them.
export const IsMunicipalityCode = (options: ValidationOptions = {}): PropertyDecorator =>
  MatchesPattern(/^\d{3}$/, { ...options, message: `${eachPrefix(options)}$property must be a municipality code` });

// A code of the topic vocabulary.
export const IsTopicCode = (options: ValidationOptions = {}): PropertyDecorator =>
  MatchesPattern(/^[a-z_]{2,40}$/, { ...options, message: `${eachPrefix(options)}$property must be a topic code` });
