// Validates content/ without loading it: schema, ids, tags, references, readings (kana only, and against
// EDICT when /usr/share/edict/edict exists). Usage: npx tsx scripts/content-check.ts [path-filter]
import { loadEdict, EDICT_PATH } from '../src/lib/server/content/edict';
import { validateContent } from '../src/lib/server/content/validate';
import { summaryTable } from '../src/lib/server/content/summary';

const filter = process.argv[2];
const edict = loadEdict();
const { curriculum, problems, edictChecked } = validateContent('content', edict);
const shown = filter ? problems.filter((p) => p.file.includes(filter)) : problems;
for (const p of shown) console.log(`${p.file}${p.item ? ` [${p.item}]` : ''}: ${p.message}`);
console.log(edictChecked ? `EDICT check ran (${EDICT_PATH}).` : `EDICT check skipped: ${EDICT_PATH} not found.`);
console.log(summaryTable(curriculum));
console.log(`${shown.length} problem(s)${filter ? ` in files matching "${filter}"` : ''}.`);
process.exit(shown.length > 0 ? 1 : 0);
