import TestRunner from 'jest-runner';

// Jest's own runner, one spec at a time: the `e2e-serial` project's specs (jest.config.js) run alone, in the same
// `jest` run as the others but not beside them (Jest runs each runner's specs in turn). They time processes they
// start and stop (a worker's shutdown within its grace, a fee run's recovery), which a second spec beside them on
// a 2-core machine would slow down past what they assert.
export default class SerialRunner extends TestRunner {
  override readonly isSerial = true;
}
