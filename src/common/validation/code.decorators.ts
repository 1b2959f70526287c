import { Matches, ValidationOptions } from 'class-validator';

// Codes the API takes in several places. Both stay `matches` refusals (the code clients see), with the messages
// each place used to write out itself.
const eachPrefix = (options: ValidationOptions) => (options.each ? 'each value in ' : '');

// A municipality code of Statistics Finland, as GET /municipalities lists them.
export const IsMunicipalityCode = (options: ValidationOptions = {}): PropertyDecorator =>
  Matches(/^\d{3}$/, { ...options, message: `${eachPrefix(options)}$property must be a municipality code` });

// A code of the topic vocabulary.
export const IsTopicCode = (options: ValidationOptions = {}): PropertyDecorator =>
  Matches(/^[a-z_]{2,40}$/, { ...options, message: `${eachPrefix(options)}$property must be a topic code` });
