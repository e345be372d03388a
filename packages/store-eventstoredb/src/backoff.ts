/** How a subscription waits between reconnection attempts. */
export interface ReconnectPolicy {
  /** The delay before the first attempt. */
  readonly initialDelayMs: number;
  /** No delay is longer than this. */
  readonly maxDelayMs: number;
  /** Each attempt's delay is the previous one times this. */
  readonly factor: number;
  /** Attempts in a row without receiving anything before the subscription fails. */
  readonly maxAttempts: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = {
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  factor: 2,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/**
 * The delay before reconnection attempt `attempt` (0-based): exponential, capped, with
 * "equal jitter" (between half and all of the capped value) so many subscribers that lost
 * the same server do not come back in step. `random` returns a number in [0, 1).
 */
export const backoffDelay = (
  attempt: number,
  policy: ReconnectPolicy,
  random: () => number,
): number => {
  const exponential = policy.initialDelayMs * policy.factor ** Math.max(0, attempt);
  const capped = Math.min(policy.maxDelayMs, exponential);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(capped / 2 + (capped / 2) * r);
};
