import { summarize, type ImportReport } from './importer.service.js';

const LABELS = {
  created: 'create',
  changed: 'change',
  unchanged: 'skip (unchanged)',
  repeated: 'skip (repeated)',
  'created-draft': 'create as draft',
} as const;

/** The import report as lines of text for the command line. */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const f of report.files) lines.push(`${f.file}: ${f.kind} page in ${f.lang === 'en' ? 'English' : 'Vietnamese'}, ${f.items} items`);
  const width = Math.max(...Object.values(LABELS).map((l) => l.length));
  for (const item of report.items) {
    const label = report.dryRun ? `would ${LABELS[item.outcome]}` : LABELS[item.outcome];
    const note = item.note ? `  (${item.note})` : '';
    lines.push(`  ${label.padEnd(width + (report.dryRun ? 6 : 0))}  ${item.file}:${item.line}  ${item.date}  ${item.title}${note}`);
    // Only a suggestion, and only before anything is written: an editor decides in the admin.
    if (report.dryRun && item.seriesSuggestion) {
      lines.push(`      suggestion: the description says "part of the ${item.seriesSuggestion}"; the import links no series, an editor may add the event to one in the admin`);
    }
  }
  // Lines read but not imported: said, so that nothing is left out without anyone knowing.
  for (const n of report.notices) lines.push(`  not imported  ${n.file}:${n.line}: ${n.message}`);
  const c = summarize(report);
  lines.push(
    `${report.dryRun ? 'Dry run, nothing written: would create' : 'Created'} ${c.created + c['created-draft']} (${c['created-draft']} as drafts), ` +
      `${report.dryRun ? 'change' : 'changed'} ${c.changed}, unchanged ${c.unchanged}, repeated in file ${c.repeated}.`,
  );
  return lines.join('\n');
}
