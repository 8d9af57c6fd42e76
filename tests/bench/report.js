// The `ready` / `done` lines the bench harness reads from a client (see
// tests/src/bin/bench/child.rs for their meaning), for the Node clients.
"use strict";

function options(argv) {
  const out = {};
  for (let i = 0; i + 1 < argv.length; i += 2) out[argv[i].replace(/^--/, "")] = argv[i + 1];
  return out;
}

function usage() {
  const cpu = process.cpuUsage();
  const resources = process.resourceUsage();
  return {
    cpuMs: (cpu.user + cpu.system) / 1e3,
    switches: resources.voluntaryContextSwitches + resources.involuntaryContextSwitches,
  };
}

const rssKib = () => Math.round(process.memoryUsage().rss / 1024);

function ready(startedNs) {
  const connectMs = Number(process.hrtime.bigint() - startedNs) / 1e6;
  setTimeout(() => {
    console.log("ready " + JSON.stringify({ connect_ms: connectMs, rss_kib: rssKib() }));
  }, 500);
}

// Counts rounds of `events` events; calls `finished` after the last round.
function rounds(events, count, finished) {
  let round = 0;
  let seen = 0;
  let first = null;
  let before = usage();
  return function counted(n) {
    if (first === null) first = process.hrtime.bigint();
    seen += n;
    if (seen < events) return;
    const now = usage();
    console.log(
      "done " +
        JSON.stringify({
          events: seen,
          span_ms: Number(process.hrtime.bigint() - first) / 1e6,
          cpu_ms: now.cpuMs - before.cpuMs,
          switches: now.switches - before.switches,
          rss_kib: rssKib(),
        }),
    );
    round += 1;
    seen = 0;
    first = null;
    before = usage();
    if (round === count) finished();
  };
}

module.exports = { options, ready, rounds };
