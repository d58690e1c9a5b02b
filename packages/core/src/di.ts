// `@sluice/core/di`: Sluice in a tsyringe container. A separate entry, so that `@sluice/core`
// itself never loads tsyringe or reflect-metadata (an agent needs a container only when given one).
// The tokens are exported by `@sluice/core`.
export { registerSluice, type SluiceRegistration } from "./di/register-sluice.js";
