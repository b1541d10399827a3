/**
 * The diff as text for terminals and logs; coloured only when `color` is set (a TTY).
 */
import { styleText } from "node:util";
import type { Change, StackDiff } from "./compare.js";

type Style = Parameters<typeof styleText>[0];

const MARK: Record<Change, string> = { added: "+", removed: "-", changed: "~" };
const COLOR: Record<Change, Style> = { added: "green", removed: "red", changed: "yellow" };

export function formatText(diffs: StackDiff[], color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const lines: string[] = [];
  for (const d of diffs) {
    lines.push(paint("bold", `stack ${d.stack}: ${d.status}`));
    for (const note of d.notes) lines.push(`  note: ${note}`);
    if (d.entries.length) lines.push("  connections:");
    for (const e of d.entries) {
      const label = e.role === "artifacts-store" ? `${e.name} (${e.kind}, artifacts store)` : `${e.name} (${e.kind})`;
      lines.push(paint(COLOR[e.change], `    ${MARK[e.change]} ${label}`));
      for (const f of e.fields) lines.push(`        ${f.path}: ${f.before ?? "(unset)"} -> ${f.after ?? "(unset)"}`);
    }
    if (d.objects.length) lines.push("  kubernetes objects:");
    for (const o of d.objects) {
      const details = [...(o.fields.length ? [`fields ${o.fields.join(", ")}`] : []), ...o.secretKeys.map((k) => `secret key ${k.key} ${k.change}`)];
      lines.push(paint(COLOR[o.change], `    ${MARK[o.change]} ${o.id}${details.length ? `: ${details.join("; ")}` : ""}`));
    }
    for (const v of d.values) {
      lines.push(`  values/${v.release}.yaml (${v.change}):`);
      for (const line of v.patch.trimEnd().split("\n")) {
        const style: Style | undefined = line.startsWith("+") ? "green" : line.startsWith("-") ? "red" : line.startsWith("@@") ? "cyan" : undefined;
        lines.push(`    ${style ? paint(style, line) : line}`);
      }
    }
  }
  return lines.join("\n");
}
