// The FSRS optimizer, run as a child process by optimizer.ts (never inside the server: see there why).
// argv[1]: the path of the native binding. stdin: {"cards": [[[rating, daysSincePrevious], …] per card, in replay
// order], "relearningSteps": n}. stdout: the fitted parameters as a JSON array, or null when too few reviews can be used.
import { createRequire } from 'node:module';

const bindingPath = process.argv[1];
if (!bindingPath) throw new Error('usage: fit-worker <path of @open-spaced-repetition/binding-linux-x64-gnu>');

let text = '';
for await (const chunk of process.stdin) text += chunk;
/** @type {{ cards: [number, number][][], relearningSteps: number }} */
const input = JSON.parse(text);
const binding = createRequire(import.meta.url)(bindingPath);

const items = [];
for (const card of input.cards) {
	const reviews = card.map(([rating, deltaT]) => new binding.FSRSBindingReview(rating, deltaT));
	for (let end = 2; end <= reviews.length; end++) {
		const item = new binding.FSRSBindingItem(reviews.slice(0, end));
		// fsrs-rs panics, aborting the whole process, on an item without a review a day or more after the one before.
		if (item.longTermReviewCnt() > 0) items.push(item);
	}
}

// Below 8 items fsrs-rs hands back its defaults: say so rather than pass them off as fitted.
const weights =
	items.length < 8
		? null
		: await binding.computeParameters(items, { enableShortTerm: true, numRelearningSteps: input.relearningSteps });
process.stdout.write(JSON.stringify(weights));
