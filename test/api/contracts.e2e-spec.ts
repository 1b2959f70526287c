// Contracts: their lifecycle, who may do what with them, and the preview.
// The API specs of one area in one Jest file, so that they share one load of the app's modules (README, "What
// `npm test` needs"). One of them alone: `npx jest test/api/<area> -t '<its describe title>'`.
import './contracts/contract-preview';
import './contracts/contracts';
import './contracts/contracts-authorization';
