// The README's example, compiled by `tsc --strict` (tsconfig.usage.json) and run by
// decode.test.mjs.

import { decode, isMessageStatus } from "../src/generated/chatapp.js";

export function readmeExample(body: string): string[] {
  const printed: string[] = [];
  const result = decode(body); // JSON text or UTF-8 bytes
  if (!result.ok) {
    // provider, event, JSON path, message; values never quoted
    printed.push(`${result.error.path}: ${result.error.message}`);
  } else if (result.event.known) {
    switch (result.event.name) {
      case "message":
        for (const item of result.event.body.data) printed.push(String(item.message?.text));
        break;
      case "messageStatus":
        printed.push(JSON.stringify(result.event.body.data.map((status) => status.type)));
        break;
    }
  } else {
    printed.push(`not modelled yet: ${result.event.name} ${result.event.raw}`);
  }
  if (result.ok && isMessageStatus(result.event)) {
    // result.event.body is MessageStatusEvent here
    printed.push(result.event.body.meta.type);
  }
  return printed;
}
