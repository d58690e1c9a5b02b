// `npm run docs:api`: writes the HTML API reference to docs/api/ and lists what is undocumented
// or broken (exit code 1 when anything is).
import { apiReferenceOutput, convertApiReference } from "./api-reference.js";

const { app, project, problems } = await convertApiReference();
if (project) await app.generateDocs(project, apiReferenceOutput);
for (const problem of problems) console.error(problem);
console.log(`API reference written to ${apiReferenceOutput}${problems.length > 0 ? `, with ${problems.length} problems` : ""}.`);
process.exitCode = problems.length > 0 ? 1 : 0;
