import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fmt, pairedRatios } from '../bench/lib.js';

describe('the benchmark ratios of runs measured side by side', () => {
  it('takes each round\'s ratio, then their median and range', () => {
    // The machine slows down in the second round: both servers do, and the ratio of each round stays near 4.
    const ratios = pairedRatios([2000, 1000, 2100], [500, 260, 500]);
    assert.equal(ratios.median, 4);
    assert.equal(ratios.min, 1000 / 260);
    assert.equal(ratios.max, 4.2);
    // The ratio of the medians would mix rounds: 2000 / 500, the same here by chance, but not below.
    assert.equal(pairedRatios([2000, 1000], [500, 200]).median, (4 + 5) / 2);
  });

  it('refuses runs that are not in pairs', () => {
    assert.throws(() => pairedRatios([1, 2], [1]), /in pairs/);
    assert.throws(() => pairedRatios([], []), /in pairs/);
  });

  it('prints a ratio with its range', () => {
    assert.equal(fmt.pairedPercent({ median: 0.814, min: 0.74, max: 0.862 }), '81% (74-86)');
    assert.equal(fmt.pairedTimes({ median: 4.409, min: 4.02, max: 4.731 }), '4.41× (4.02-4.73)');
  });
});
