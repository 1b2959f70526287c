// The specs that start, stop and kill processes of their own and time them: the embedded app in its own process
// (it greets within 15 s of its boot), a worker and an API stopped with SIGTERM (each within its grace), a fee run
// whose worker is killed half-way or whose Redis restarts. One spec file, so that they run one after another in one
// Jest worker (two of them side by side on the 2-core machine slowed each other past what they assert), while the
// other worker runs the other specs.
import './processes/embedded';
import './processes/shutdown';
import './processes/fee-run-faults';

// A process start takes seconds, and longer beside the other specs: the tests' timeouts are long.
jest.setTimeout(240_000);
