import { openEngine } from './db/connection';
import { seedDemo, printDemoAccounts } from './demo/seed';

/** Opens and migrates the database; on the embedded database (or with SEED_DEMO=1) makes the demo center. */
export async function startup(): Promise<void> {
	const engine = await openEngine();
	if (engine.kind === 'pglite' || process.env.SEED_DEMO === '1') {
		const demo = await seedDemo();
		printDemoAccounts(demo);
	}
}
