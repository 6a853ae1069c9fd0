import { openEngine } from './db/connection';
import { loadBuiltCurriculum } from './content/load';
import { seedDemo, printDemoAccounts } from './demo/seed';
import { startReadinessJob } from './ministry/readiness-job';

/**
 * Opens and migrates the database, loads the content build when it changed, and on the embedded database
 * (or with SEED_DEMO=1) makes the demo center.
 */
export async function startup(): Promise<void> {
	const engine = await openEngine();
	const content = await loadBuiltCurriculum();
	if (content === 'missing') console.warn('No content build found (content/.build/curriculum.json): run `npm run content:build`.');
	if (engine.kind === 'pglite' || process.env.SEED_DEMO === '1') {
		printDemoAccounts(await seedDemo());
	}
	startReadinessJob();
}
