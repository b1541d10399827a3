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

export function formatMarkdown(diffs: StackDiff[]): string {
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
  for (const d of changed) {
    if (lines.at(-1) !== "") lines.push("");
    lines.push(`### ${d.stack}`, "");
    for (const note of d.notes) lines.push(`> ${note}`, "");
    if (d.entries.length) {
      lines.push("| change | connection | kind | fields |", "| --- | --- | --- | --- |");
      for (const e of d.entries) {
        const fields = e.fields.map((f) => `${code(f.path)}: ${f.before ? code(f.before) : "unset"} → ${f.after ? code(f.after) : "unset"}`).join("<br>");
        const name = e.role === "artifacts-store" ? `${code(e.name)} (artifacts store)` : code(e.name);
        lines.push(`| ${e.change} | ${name} | ${e.kind} | ${fields} |`);
      }
      lines.push("");
    }
    if (d.objects.length) {
      lines.push("| change | Kubernetes object | details |", "| --- | --- | --- |");
      for (const o of d.objects) {
        const details = [
          ...(o.fields.length ? [`fields ${o.fields.map(code).join(", ")}`] : []),
          ...o.secretKeys.map((k) => `secret key ${code(k.key)} ${k.change}`),
        ].join("<br>");
        lines.push(`| ${o.change} | ${code(o.id)} | ${details} |`);
      }
      lines.push("");
    }
    for (const v of d.values) {
      lines.push(`<details><summary>values/${v.release}.yaml (${v.change})</summary>`, "", "```diff", v.patch.trimEnd(), "```", "", "</details>", "");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
