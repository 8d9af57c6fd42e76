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

// Private_Clean + Private_Dirty of /proc/self/smaps_rollup, as the Rust clients report it.
function privateKib() {
  const rollup = require("fs").readFileSync("/proc/self/smaps_rollup", "utf8");
  const field = (name) => Number((rollup.match(new RegExp(`^${name}:\\s+(\\d+)`, "m")) || [0, 0])[1]);
  return field("Private_Clean") + field("Private_Dirty");
}

function ready(startedNs) {
  const connectMs = Number(process.hrtime.bigint() - startedNs) / 1e6;
  setTimeout(() => {
    console.log("ready " + JSON.stringify({ connect_ms: connectMs, rss_kib: rssKib(), private_kib: privateKib() }));
  }, 500);
}

// Counts rounds of `events` events; calls `finished` after the last round.
function rounds(events, count, finished) {
  let round = 0;
  let seen = 0;
  let first = null;
  let last = null;
  let before = usage();
  let quiet = null;
  // A lost event ends the round after 3 quiet seconds (reported as missing) instead of
  // hanging the harness.
  function report() {
    clearTimeout(quiet);
    const now = usage();
    console.log(
      "done " +
        JSON.stringify({
          events: seen,
          span_ms: first === null ? 0 : Number(last - first) / 1e6,
          cpu_ms: now.cpuMs - before.cpuMs,
          switches: now.switches - before.switches,
          rss_kib: rssKib(),
        }),
    );
    round += 1;
    seen = 0;
    first = null;
    last = null;
    before = usage();
    if (round === count) finished();
  }
  return function counted(n) {
    last = process.hrtime.bigint();
    if (first === null) first = last;
    seen += n;
    clearTimeout(quiet);
    if (seen >= events) report();
    else quiet = setTimeout(report, 3000);
  };
}

module.exports = { options, ready, rounds };
