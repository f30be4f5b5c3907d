import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cpuTicksOf, fmt, formatSpread, getAnswer, pairedRatios, parseWrk, serverHeaders, startBare, startBareWithHeaders, roundsSpread, type Answer } from '../bench/lib.js';
import { tempDirForBlock } from './helpers/temp-dir.js';

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

describe("the benchmark's check of rounds that disagree", () => {
  it('says nothing while a server\'s rounds agree within the limit', () => {
    assert.equal(roundsSpread([13.2, 13.9, 14.1, 13.5, 14.0]), undefined);
    // 15 % apart exactly still agree; a round on its own cannot disagree.
    assert.equal(roundsSpread([40, 46]), undefined);
    assert.equal(roundsSpread([40]), undefined);
    assert.equal(roundsSpread([]), undefined);
  });

  it('gives the quickest and slowest round when they disagree, and prints them', () => {
    const spread = roundsSpread([42, 40, 55, 39, 52]);
    assert.deepEqual(spread, { least: 39, most: 55 });
    assert.equal(formatSpread(spread), '39-55 µs (1.41×)');
  });

  it('takes its limit, and leaves out rounds with no reading', () => {
    assert.equal(roundsSpread([40, 50], 1.3), undefined);
    assert.deepEqual(roundsSpread([40, 50], 1.2), { least: 40, most: 50 });
    assert.equal(roundsSpread([40, Number.NaN, 0, 44]), undefined);
  });
});

describe("the benchmark's readings", () => {
  it("reads wrk's count of requests beside its rate", () => {
    const output = [
      'Running 5s test @ http://127.0.0.1:3000/en/events',
      '  1 threads and 4 connections',
      '  Latency Distribution',
      '     50%    1.71ms',
      '     99%    5.92ms',
      '  8751 requests in 5.00s, 194.52MB read',
      'Requests/sec:   1750.02',
      'Transfer/sec:     38.90MB',
    ].join('\n');
    const read = parseWrk(output);
    assert.equal(read.requests, 8751);
    assert.equal(read.rps, 1750.02);
    assert.equal(read.p99ms, 5.92);
    assert.throws(() => parseWrk(output.replace(/^.*requests in.*$/m, '')), /could not read/);
  });

  it("reads a process's processor time from its /proc line, whatever its name holds", () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const line = (comm: string) => `4242 (${comm}) S 1 4242 4242 0 -1 4194560 9001 0 3 0 1234 56 0 0 20 0 11 0 100 1000000 20000`;
    assert.equal(cpuTicksOf(line('node')), 1290);
    assert.equal(cpuTicksOf(line('a (b) c')), 1290);
    assert.throws(() => cpuTicksOf('not a stat line'), /not a \/proc/);
  });
});

describe("the benchmark's bare servers", () => {
  let dir: string;
  tempDirForBlock('almanac-bench-bare-', (made) => (dir = made));

  it('answer each page from a process of their own, with its bytes under its headers, and 404 for any other path', async () => {
    const body = Buffer.from('<!doctype html><p>Sự kiện</p>');
    const answer: Answer = {
      status: 200,
      headers: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['X-Cache', 'HIT'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
        ['Content-Length', String(body.length)],
        ['Date', 'Mon, 07 Dec 2026 07:00:00 GMT'],
      ],
      body,
    };
    const same = await startBareWithHeaders(new Map([['/en/events', answer]]), dir);
    const plain = await startBare(new Map([['/en/events', { body, type: 'text/html; charset=utf-8' }]]), dir);
    try {
      assert.notEqual(same.pid, process.pid);
      assert.notEqual(plain.pid, same.pid);
      const got = await getAnswer(`${same.url}/en/events`);
      assert.equal(got.status, 200);
      assert.deepEqual(got.body, body);
      // The server's own headers as they came, in order, a header sent twice sent twice; Node adds its Date.
      assert.deepEqual(serverHeaders(got), serverHeaders(answer));
      const floor = await getAnswer(`${plain.url}/en/events`);
      assert.deepEqual(floor.body, body);
      assert.deepEqual(serverHeaders(floor), [
        ['content-type', 'text/html; charset=utf-8'],
        ['content-length', String(body.length)],
      ]);
      assert.equal((await getAnswer(`${same.url}/en/articles`)).status, 404);
    } finally {
      await same.stop();
      await plain.stop();
    }
    assert.throws(() => process.kill(same.pid!, 0), /ESRCH/);
  });
});
