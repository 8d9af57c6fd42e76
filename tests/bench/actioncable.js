// @rails/actioncable in Node (with `ws` and the few browser globals it reads), measured by
// the bench harness:
//   node actioncable.js --port P --token T --user U --accounts A --event NAME --events N --rounds R
"use strict";
const { options, ready, rounds } = require("./report.js");

globalThis.WebSocket = require("ws");
globalThis.document = {
  visibilityState: "visible",
  addEventListener() {},
  removeEventListener() {},
  head: { querySelector: () => null },
};
globalThis.addEventListener = () => {};
globalThis.removeEventListener = () => {};
const ActionCable = require("@rails/actioncable");

const args = options(process.argv.slice(2));
const accounts = Number(args.accounts);
const started = process.hrtime.bigint();
const consumer = ActionCable.createConsumer(`ws://127.0.0.1:${args.port}/cable`);
const counted = rounds(Number(args.events), Number(args.rounds), () => {
  consumer.disconnect();
  process.exit(0);
});
let confirmed = 0;
for (let account = 1; account <= accounts; account += 1) {
  consumer.subscriptions.create(
    { channel: "RoomChannel", pubsub_token: args.token, account_id: account, user_id: Number(args.user) },
    {
      connected() {
        confirmed += 1;
        if (confirmed === accounts) {
          ready(started);
          // `--rounds 0`: a connect-time run.
          if (Number(args.rounds) === 0) setTimeout(() => process.exit(0), 700);
        }
      },
      rejected() {
        console.error("subscription rejected for account", account);
        process.exit(1);
      },
      received(data) {
        if (confirmed === accounts && data.event === args.event) counted(1);
      },
    },
  );
}
