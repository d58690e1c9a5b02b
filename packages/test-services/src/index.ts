// Test helpers of this repository (not published).
export { describeWithService, type TestService } from "./test-service.js";
export { redisService, redisUrl } from "./redis-service.js";
export { postgresService, postgresUrl } from "./postgres-service.js";
export { testNamespace } from "./test-namespace.js";
export { startWorker, tell, waitForLine, type WorkerProcess } from "./worker-process.js";
