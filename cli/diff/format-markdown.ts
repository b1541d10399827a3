/**
 * The diff as Markdown for a pull-request comment: a summary table, then per changed
 * stack the connections and objects that changed and the values diff, folded.
 */
import type { Change, StackDiff } from "./compare.js";

/** Marker that lets CI find and update its own comment. */
export const COMMENT_MARKER = "<!-- polyaxon-connections:diff -->";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (s: string) => `\`${cell(s).replace(/`/g, "'")}\``;

function counts<T extends { change: Change }>(items: T[]): string {
  const n = (c: Change) => items.filter((i) => i.change === c).length;
  return items.length ? `+${n("added")} −${n("removed")} ~${n("changed")}` : "—";
}

/**
 * GitHub refuses a comment over 65,536 characters: the output stays under this, the summary
 * table first, and says what it cut.
 */
export const MAX_MARKDOWN_CHARS = 60_000;

/** Lines of one stack's details: notes, connection and object tables, the values diffs. */
function stackSection(d: StackDiff): string[][] {
  // Each inner list is a block that is kept or cut whole (a table row, a folded values diff).
  const blocks: string[][] = [[`### ${d.stack}`, ""], ...d.notes.map((note) => [`> ${note}`, ""])];
  if (d.entries.length) {
    blocks.push(["| change | connection | kind | fields |", "| --- | --- | --- | --- |"]);
    for (const e of d.entries) {
      const fields = e.fields.map((f) => `${code(f.path)}: ${f.before ? code(f.before) : "unset"} → ${f.after ? code(f.after) : "unset"}`).join("<br>");
      const name = e.role === "artifacts-store" ? `${code(e.name)} (artifacts store)` : code(e.name);
      blocks.push([`| ${e.change} | ${name} | ${e.kind} | ${fields} |`]);
    }
    blocks.push([""]);
  }
  if (d.objects.length) {
    blocks.push(["| change | Kubernetes object | details |", "| --- | --- | --- |"]);
    for (const o of d.objects) {
      const details = [...(o.fields.length ? [`fields ${o.fields.map(code).join(", ")}`] : []), ...o.secretKeys.map((k) => `secret key ${code(k.key)} ${k.change}`)].join("<br>");
      blocks.push([`| ${o.change} | ${code(o.id)} | ${details} |`]);
    }
    blocks.push([""]);
  }
  for (const v of d.values) blocks.push([`<details><summary>values/${v.release}.yaml (${v.change})</summary>`, "", "```diff", v.patch.trimEnd(), "```", "", "</details>", ""]);
  return blocks;
}

export function formatMarkdown(diffs: StackDiff[], maxChars = MAX_MARKDOWN_CHARS): string {
  const changed = diffs.filter((d) => d.status !== "unchanged");
  const lines = [COMMENT_MARKER, "## Polyaxon catalog changes", ""];
  if (changed.length === 0) {
    lines.push(`No change in ${diffs.length} stack${diffs.length === 1 ? "" : "s"} (${diffs.map((d) => d.stack).join(", ")}).`);
    return `${lines.join("\n")}\n`;
  }
  lines.push("| stack | status | connections | objects | values |", "| --- | --- | --- | --- | --- |");
  for (const d of diffs) {
    lines.push(`| ${code(d.stack)} | ${d.status} | ${counts(d.entries)} | ${counts(d.objects)} | ${d.values.length ? "changed" : "—"} |`);
  }
  lines.push("");
  // Room for the note on what was cut.
  let budget = maxChars - 400 - lines.join("\n").length;
  // From the first block that does not fit, everything after it is cut (a table never loses its header).
  const cut = new Map<string, number>();
  for (const d of changed) {
    for (const block of stackSection(d)) {
      const text = block.join("\n").length + 1;
      if (cut.size === 0 && text <= budget) {
        lines.push(...block);
        budget -= text;
      } else cut.set(d.stack, (cut.get(d.stack) ?? 0) + 1);
    }
  }
  if (cut.size > 0) {
    const parts = [...cut].map(([stack, n]) => `${code(stack)} (${n} row${n === 1 ? "" : "s"} or diffs)`).join(", ");
    lines.push("", `> **Cut to stay under GitHub's comment limit:** ${parts}. Run \`npx polyaxon-connections diff --base <ref>\` for the whole diff.`);
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
