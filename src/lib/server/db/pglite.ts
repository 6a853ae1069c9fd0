import { PGlite, types } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { fsyncSync } from 'node:fs';
import type { Engine, Sql } from './types';

// Dates stay 'YYYY-MM-DD' strings on both engines: a departure date has no time zone.
const parsers = {
	[types.DATE]: (value: string) => value,
	[types.NUMERIC]: (value: string) => Number(value)
};

/** fsync calls passed on to the disk by PGlite on a directory, so a test can see that a commit is synced. */
export const diskSyncs = { count: 0 };

type EmscriptenOptions = Parameters<NodeFS['init']>[1];
type PreRun = NonNullable<EmscriptenOptions['preRun']>[number];
/** The parts of Emscripten's NODEFS (pglite's bundled build) this file relies on. */
interface NodefsInternals {
	stream_ops?: { fsync?: (stream: { nfd: number }) => void };
	tryFSOperation?: <T>(operation: () => T) => T;
}

/**
 * PGlite's own NodeFS, except that fsync reaches the disk. Out of the box PGlite starts Postgres with fsync off
 * (-F) and Emscripten's NODEFS has no fsync (fdatasync is a no-op too), so a commit is handed to the OS but never
 * forced to disk: it survives the process being killed, not a power cut or an OS crash — and a training center's
 * laptop or PC may lose power. Here NODEFS's fsync calls the real one; with fsync on and WAL flushed with fsync()
 * (see DURABLE_START), a commit is on disk before PGlite answers. The cost is one fsync per writing transaction,
 * a few ms: a 1,000-review sync does two (about 10 ms of its 400-900 ms on this project's 2-core VM).
 */
class DurableNodeFS extends NodeFS {
	override async init(pg: PGlite, opts: EmscriptenOptions) {
		const { emscriptenOpts } = await super.init(pg, opts);
		const realFsync: PreRun = (mod) => {
			const nodefs = (mod as unknown as { NODEFS?: NodefsInternals }).NODEFS;
			const run = nodefs?.tryFSOperation;
			// A PGlite upgrade that moved these must not quietly give up durability.
			if (!nodefs?.stream_ops || !run) throw new Error('PGlite: Emscripten NODEFS internals not found, cannot make commits durable');
			nodefs.stream_ops.fsync = (stream) => {
				run(() => fsyncSync(stream.nfd));
				diskSyncs.count += 1;
			};
		};
		return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), realFsync] } };
	}
}

/** PGlite's start parameters with fsync on (no -F), and WAL flushed with fsync(), the call NODEFS now passes on. */
const DURABLE_START = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];

export async function openPglite(dataDir: string | undefined): Promise<Engine> {
	const options = { extensions: { pgcrypto }, parsers };
	// No directory: in memory (tests), where there is no disk to sync.
	const pg = dataDir ? new PGlite({ ...options, fs: new DurableNodeFS(dataDir), startParams: DURABLE_START }) : new PGlite(options);
	await pg.waitReady;
	const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
		async query<Row>(text: string, params?: readonly unknown[]) {
			const result = await q.query<Row>(text, params ? [...params] : undefined);
			return result.rows;
		},
		async exec(script) {
			await q.exec(script);
		}
	});
	return {
		kind: 'pglite',
		// PGlite is a single connection: its transactions queue behind one another.
		transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
		close: () => pg.close()
	};
}
