import { relative, resolve } from "node:path";
import { Application, DeclarationReflection, Logger, LogLevel, ReflectionKind, type ProjectReflection } from "typedoc";
import { repoRoot } from "../shared/repo-paths.js";
import { publicPackages } from "../packaging/pack-public-packages.js";
import { apiEntryPoints } from "./api-entry-points.js";

/** Where `npm run docs:api` writes the HTML reference. */
export const apiReferenceOutput = resolve(repoRoot, "docs", "api");


/** Collects TypeDoc's warnings and errors instead of printing them. */
class CollectingLogger extends Logger {
  readonly messages: string[] = [];
  override log(message: string, level: LogLevel): void {
    if (level >= LogLevel.Warn) this.messages.push(message);
  }
}

/** A converted API reference and what TypeDoc found wrong with it. */
export interface ApiReference {
  app: Application;
  project: ProjectReflection | undefined;
  /** Exported names without a TSDoc comment, broken `{@link}`s, and TypeDoc's other warnings and errors. */
  problems: string[];
}

/**
 * Converts every public entry point with TypeDoc (on TypeScript 5.9: TypeScript 7 has no compiler
 * API) and validates it: every exported name documented, every `{@link}` resolved.
 */
export async function convertApiReference(): Promise<ApiReference> {
  const entryPoints = apiEntryPoints();
  const app = await Application.bootstrapWithPlugins({
    entryPoints: entryPoints.map((entry) => entry.sourceFile),
    entryPointStrategy: "resolve",
    tsconfig: resolve(repoRoot, "tooling", "api-reference", "tsconfig.json"),
    name: "Sluice API reference",
    readme: "none",
    out: apiReferenceOutput,
    excludePrivate: true,
    excludeProtected: false,
    excludeInternal: true,
    githubPages: false,
    hideGenerator: true,
    // Source links must not depend on the clone's git remote (CI's clean clone has a local one).
    disableGit: true,
    sourceLinkTemplate: "../../{path}#L{line}",
    // Undocumented names are found by `undocumentedExports` below: TypeDoc's own check also asks
    // for every method and callback property, which is more than "every exported name".
    validation: { notExported: false, invalidLink: true, invalidPath: true, rewrittenLink: true, notDocumented: false, unusedMergeModuleWith: true },
    logLevel: "Warn",
  });
  const logger = new CollectingLogger();
  app.logger = logger;
  const project = await app.convert();
  if (project) {
    nameModules(project, entryPoints);
    app.validate(project);
    logger.messages.push(...undocumentedExports(project));
  } else logger.messages.push("TypeDoc could not convert the entry points (see the messages above).");
  return { app, project, problems: logger.messages };
}

/** Names each module after its import path (`@sluice/core/testing`) instead of its folder. */
function nameModules(project: ProjectReflection, entryPoints: ReturnType<typeof apiEntryPoints>): void {
  for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
    const source = module.sources?.[0]?.fullFileName;
    const entry = entryPoints.find((candidate) => candidate.sourceFile === source);
    if (entry) module.name = entry.importPath;
  }
}

/**
 * Every name a public entry point exports that has no TSDoc comment (for a function, on none of
 * its signatures), as `@sluice/core: defaultMaxSteps (variable, packages/core/src/agent/agent-options.ts) has no TSDoc comment`.
 * Types re-exported from other packages (Bedrock's Converse types) carry their own documentation.
 */
export function undocumentedExports(project: ProjectReflection): string[] {
  const ours = new Set(publicPackages().map((pkg) => pkg.name));
  const problems: string[] = [];
  for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
    for (const child of module.children ?? []) {
      if (!(child instanceof DeclarationReflection)) continue; // re-export aliases point at a checked name
      const packageName = project.getSymbolIdFromReflection(child)?.packageName;
      if (packageName !== undefined && !ours.has(packageName)) continue;
      const signatures = child.getNonIndexSignatures();
      const documented = child.hasComment() || signatures.some((signature) => signature.hasComment());
      if (documented) continue;
      const file = child.sources?.[0]?.fullFileName;
      const where = file === undefined ? "" : `, ${relative(repoRoot, file)}`;
      problems.push(`${module.name}: ${child.name} (${ReflectionKind.singularString(child.kind).toLowerCase()}${where}) has no TSDoc comment`);
    }
  }
  return problems;
}
