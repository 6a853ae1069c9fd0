/**
 * Every threshold and weight of the readiness model. The explanation page quotes these numbers, so a change
 * here changes what instructors read; change READINESS_FORMULA with it.
 */
export const READINESS_RULES = {
	/** Share of the score per component; a component with nothing to measure is left out and the rest scaled up. */
	weights: { mockTest: 0.4, recall: 0.3, protection: 0.1, culture: 0.1, activity: 0.1 },
	mockTest: {
		/** The real test is sat once and costs money and months: a coin flip is not ready. */
		target: 0.7,
		/** An attempt older than this says little about the trainee's level today. */
		recentDays: 30,
		/** Mean of the latest few attempts, so one lucky or unlucky form does not swing the level. */
		attempts: 3
	},
	recall: {
		/** Mean recall of the sector core deck on the departure date; unseen cards count 0. */
		target: 0.8
	},
	activity: {
		/** The window the server counts activity over. */
		windowDays: 14,
		/** Study on this many days of the window scores full marks. */
		targetDays: 10,
		/** Fewer study days than this is At risk at any distance from departure. */
		minimumDays: 4
	},
	/** A score below this is At risk when departure is within `scoreCountsWithinDays` days or unknown. */
	atRiskScore: 0.5,
	/** Far from departure a low score is expected (most of the deck still unseen), so it flags no one. */
	scoreCountsWithinDays: 90,
	/** In the last stretch anyone not Ready is At risk: there is no time left to be merely on track. */
	finalStretchDays: 30
} as const;

const R = READINESS_RULES;
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The rule in plain English (markdown), the source for the instructors' explanation page. */
export const READINESS_FORMULA = `
**Ready** when all of these hold:
- the latest real mock tests for the cohort's target exam (up to ${R.mockTest.attempts}, taken in the last ${R.mockTest.recentDays} days)
  give on average at least a ${pct(R.mockTest.target)} chance of passing. Practice attempts do not count: their listening is
  read as a transcript, so they overstate the real test. No recent real test means no evidence, so never Ready;
- the sector core deck, projected to the departure date from each card's memory, is recalled at least ${pct(R.recall.target)}
  on average (cards never studied count as forgotten; projected to today once departure has passed or if it is not set);
- every worker-protection lesson is done;
- the trainee studied on at least ${R.activity.minimumDays} of the last ${R.activity.windowDays} days.

**At risk** when not Ready and any of these hold:
- the trainee studied on fewer than ${R.activity.minimumDays} of the last ${R.activity.windowDays} days;
- departure is ${R.finalStretchDays} days away or less, or has passed;
- the readiness score is below ${pct(R.atRiskScore)} and departure is within ${R.scoreCountsWithinDays} days or not set.

**On track** otherwise.

The readiness score (0–100%) weighs: mock-test pass chance ${pct(R.weights.mockTest)} (0 without a recent real test),
projected recall ${pct(R.weights.recall)}, protection lessons done ${pct(R.weights.protection)}, culture lessons done
${pct(R.weights.culture)}, study days ${pct(R.weights.activity)} (full marks at ${R.activity.targetDays} of ${R.activity.windowDays} days). A part with
nothing to measure (no core deck, no lessons published) is left out and the others count for more.
`.trim();
