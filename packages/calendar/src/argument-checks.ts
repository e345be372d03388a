/** Numeric argument checks: a RangeError naming the function and the argument. */

export function requireNonNegativeInteger(value: number, fn: string, arg: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${fn}: ${arg} must be a non-negative integer; got ${String(value)}`);
  }
}

export function requireInteger(value: number, fn: string, arg: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${fn}: ${arg} must be an integer; got ${String(value)}`);
  }
}

export function requireFinite(value: number, fn: string, arg: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${arg} must be a finite number; got ${String(value)}`);
  }
}

export function requireNonEmptyString(value: string, fn: string, arg: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${fn}: ${arg} must be a non-empty string; got ${JSON.stringify(value)}`);
  }
}
