import { Injectable } from '@nestjs/common';

// Time comes from here so that tests can move it; nothing else calls new Date() for business rules.
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
