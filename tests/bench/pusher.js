// pusher-js in Node, measured by the bench harness:
//   node pusher.js --port P --auth URL --channels a,b --events N --rounds R
"use strict";
const { options, ready, rounds } = require("./report.js");
const Pusher = require("pusher-js");

const args = options(process.argv.slice(2));
const channels = args.channels.split(",");
const started = process.hrtime.bigint();
const pusher = new Pusher("app-key", {
  cluster: "local",
  wsHost: "127.0.0.1",
  wsPort: Number(args.port),
  forceTLS: false,
  enabledTransports: ["ws"],
  disableStats: true,
  channelAuthorization: { endpoint: args.auth, transport: "ajax", headers: { Authorization: "Bearer bench-token" } },
});
const counted = rounds(Number(args.events), Number(args.rounds), () => {
  pusher.disconnect();
  process.exit(0);
});
let subscribed = 0;
let live = false;
for (const name of channels) {
  const channel = pusher.subscribe(name);
  channel.bind("pusher:subscription_succeeded", () => {
    subscribed += 1;
    if (subscribed === channels.length) {
      live = true;
      ready(started);
    }
  });
  channel.bind("pusher:subscription_error", (error) => {
    console.error("subscription error", JSON.stringify(error));
    process.exit(1);
  });
}
pusher.bind_global((event, data) => {
  if (live && !event.startsWith("pusher")) counted(1);
});
