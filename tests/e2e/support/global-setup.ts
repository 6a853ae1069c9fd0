import { chromiumMissingMessage, chromiumProblem } from './browser';

/** A missing browser fails the run (in CI it must never look like a pass or a skip). */
export default function globalSetup(): void {
	const problem = chromiumProblem();
	if (problem) throw new Error(chromiumMissingMessage(problem));
}
