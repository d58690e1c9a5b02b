import type { ModelFamilyAdapter } from "../adapter.js";
import { EMBEDDING_FAMILY_ADAPTERS } from "../embeddings/embed.js";
import type { EmbeddingFamilyAdapter } from "../embeddings/embedding-adapter.js";
import { MODEL_FAMILY_ADAPTERS } from "../families/model-family-adapters.js";
import { FEATURE_LABELS, FEATURE_NAMES } from "./family-features.js";

/** The comment before the generated table in a markdown file. */
export const FEATURE_TABLE_START = "<!-- feature-table:start (generated from the adapters' declarations; do not edit by hand) -->";
/** The comment after the generated table in a markdown file. */
export const FEATURE_TABLE_END = "<!-- feature-table:end -->";

type Describable = Pick<ModelFamilyAdapter | EmbeddingFamilyAdapter, "family" | "displayName" | "features">;

/**
 * The family × feature table, rendered from every adapter's `features` declaration: `yes`,
 * `—`, or `some` with a numbered footnote naming the models.
 *
 * @example
 * renderFeatureTable(); // "| Family | text | system prompt | … |\n|---|…"
 */
export function renderFeatureTable(
  adapters: readonly Describable[] = [...MODEL_FAMILY_ADAPTERS, ...EMBEDDING_FAMILY_ADAPTERS],
): string {
  const notes: string[] = [];
  const header = `| Family (\`family\`) | ${FEATURE_NAMES.map((name) => FEATURE_LABELS[name]).join(" | ")} |`;
  const rule = `|---|${FEATURE_NAMES.map(() => ":-:").join("|")}|`;
  const rows = adapters.map((adapter) => {
    const cells = FEATURE_NAMES.map((name) => {
      const support = adapter.features[name];
      if (support === true) return "yes";
      if (support === false) return "—";
      notes.push(`${adapter.displayName}, ${FEATURE_LABELS[name]}: ${support.note}.`);
      return `some<sup>${notes.length}</sup>`;
    });
    return `| ${adapter.displayName} (\`${adapter.family}\`) | ${cells.join(" | ")} |`;
  });
  const footnotes = notes.map((note, index) => `<sup>${index + 1}</sup> ${note}`).join("<br>\n");
  return `${[header, rule, ...rows].join("\n")}\n\n${footnotes}\n`;
}

/**
 * A markdown document with the text between the feature-table markers replaced by a freshly
 * rendered table. Throws when the markers are missing.
 *
 * @example
 * writeFileSync(path, withFeatureTable(readFileSync(path, "utf8")));
 */
export function withFeatureTable(markdown: string, table: string = renderFeatureTable()): string {
  const start = markdown.indexOf(FEATURE_TABLE_START);
  const end = markdown.indexOf(FEATURE_TABLE_END);
  if (start < 0 || end < start) throw new Error(`The document has no "${FEATURE_TABLE_START}" … "${FEATURE_TABLE_END}" markers.`);
  return `${markdown.slice(0, start + FEATURE_TABLE_START.length)}\n${table}${markdown.slice(end)}`;
}
