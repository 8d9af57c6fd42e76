//! The packages as a stranger gets them: `cargo xtask packages --test` ends here, after the
//! packages' own tests, which run from their folders and so would pass even if what ships
//! were broken (an `exports` entry or a `types` path that points at nothing, a schema or
//! `py.typed` left out of the wheel, a module only the source tree has).
//!
//! - npm: `npm pack` of `packages/typescript` (its `prepack` builds it); the tarball's size,
//!   file count and files, each path `package.json` names (`main`, `types`, every `exports`
//!   target) among them and no sources or tests. Then a fresh project, `target/stranger-npm/app`,
//!   installs the tarball (ajv comes as its dependency) with the TypeScript and `@types/node`
//!   versions the package pins, compiles a user's `main.ts` that imports every subpath as a
//!   user would with the installed `tsc --strict` (`nodenext`, which reads the `exports` map;
//!   a `types` target missing from the tarball, which TypeScript passes over for the `.d.ts`
//!   beside the JavaScript, is the tarball check's to catch), and runs it with `node`: one
//!   real payload per provider decoded, narrowed and its fields asserted, a normalized
//!   record parsed, and the webhook checks (`/webhook-auth`) run on two of the shared vectors
//!   (`tests/fixtures/webhook-auth/vectors.json`, copied beside the program).
//! - PyPI: `python -m build` of `packages/python` (an sdist, then the wheel built from it);
//!   each artifact's size, file count and files; every module, schema and `py.typed` of the
//!   source folder in both, the licenses, the license expression, no tests. Then a fresh
//!   virtual environment per artifact, `target/stranger-py/venv-wheel` and `venv-sdist`,
//!   installs it, and a user's `user.py` runs from `target/stranger-py` (the repository's source
//!   tree is not importable there): `parse_event` per provider and `parse_normalized`, the
//!   fields asserted, and the webhook checks on the same two vectors; `mypy --strict` checks the same script against the installed wheel, so
//!   `py.typed` and the public modules are what a type checker sees.
//!
//! Written here because no crate or tool does it: `publint` and `@arethetypeswrong/cli` lint a
//! tarball's `exports` and `types`, `twine check` a wheel's metadata, but none installs what
//! was packed into a stranger's project and runs a program on it. `build` and `mypy` (pinned
//! below) are installed into the test environment, `target/python-venv`, when missing; the
//! npm registry and PyPI must be reachable.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use serde_json::Value;

use crate::process::{output, run};

/// The build frontend and the type checker installed into `target/python-venv`.
const PYTHON_TOOLS: [(&str, &str); 2] = [("build", "1.6.1"), ("mypy", "2.4.1")];

/// Packs, installs and uses both packages as a stranger would; see the module's doc.
pub(crate) fn test(root: &Path) -> Result<(), String> {
    npm(root).map_err(|e| format!("the npm package, as packed, fails: {e}"))?;
    python(root).map_err(|e| format!("the Python package, as built, fails: {e}"))
}

/// The TypeScript package: pack, check the tarball, install it into a fresh project, compile
/// and run a user's program.
fn npm(root: &Path) -> Result<(), String> {
    let package = root.join("packages/typescript");
    let dir = root.join("target/stranger-npm");
    let packed = dir.join("pack");
    let app = dir.join("app");
    fresh(&dir)?;
    fresh(&packed)?;
    fresh(&app)?;
    let manifest = read_json(&package.join("package.json"))?;
    let stdout = output(
        Command::new("npm")
            .current_dir(&package)
            .args(["pack", "--json", "--pack-destination"])
            .arg(&packed),
    )?;
    let report: Value = serde_json::from_str(&stdout)
        .map_err(|e| format!("`npm pack --json` printed no JSON ({e}): {stdout}"))?;
    let entry = &report[0];
    let filename = entry["filename"]
        .as_str()
        .ok_or_else(|| format!("`npm pack --json` names no file: {stdout}"))?;
    let files: Vec<&str> = entry["files"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|file| file["path"].as_str())
        .collect();
    println!(
        "{filename}: {} bytes packed, {} bytes unpacked, {} files",
        entry["size"], entry["unpackedSize"], entry["entryCount"]
    );
    for file in &files {
        println!("  {file}");
    }
    check_tarball(&manifest, &files)?;
    let tarball = packed.join(filename);

    let pinned = |name: &str| {
        manifest["devDependencies"][name]
            .as_str()
            .map(|version| format!("{name}@{version}"))
            .ok_or_else(|| format!("packages/typescript/package.json pins no {name}"))
    };
    write(
        &app.join("package.json"),
        "{\n  \"name\": \"stranger\",\n  \"version\": \"0.0.0\",\n  \"private\": true,\n  \"type\": \"module\"\n}\n",
    )?;
    run(Command::new("npm")
        .current_dir(&app)
        .args(["install", "--no-audit", "--no-fund", "--save-exact"])
        .arg(&tarball)
        .arg(pinned("typescript")?)
        .arg(pinned("@types/node")?))
    .map_err(|e| format!("{e}\ninstalling the tarball needs the npm registry (ajv, typescript)"))?;
    write(&app.join("tsconfig.json"), TSCONFIG)?;
    write(&app.join("main.ts"), MAIN_TS)?;
    copy_vectors(root, &app)?;
    run(Command::new(app.join("node_modules/.bin/tsc"))
        .current_dir(&app)
        .args(["-p", "tsconfig.json"]))
    .map_err(|e| {
        format!("{e}\nthe user's main.ts does not compile against the installed package")
    })?;
    let printed = output(Command::new("node").current_dir(&app).arg("out/main.js"))?;
    show("main.ts", &printed);
    expect("main.ts", &printed, &MAIN_TS_PRINTS)
}

/// Every path `package.json` points at (`main`, `types`, every `exports` target) is in the
/// tarball, with the licenses and the README; no sources, tests or usage builds.
fn check_tarball(manifest: &Value, files: &[&str]) -> Result<(), String> {
    let mut wanted: Vec<String> = ["package.json", "README.md", "LICENSE-MIT", "LICENSE-APACHE"]
        .map(str::to_owned)
        .to_vec();
    let mut targets = Vec::new();
    for key in ["main", "types", "exports"] {
        collect_strings(&manifest[key], &mut targets);
    }
    if targets.is_empty() {
        return Err("package.json names no main, types or exports".to_owned());
    }
    wanted.extend(
        targets
            .iter()
            .map(|target| target.trim_start_matches("./").to_owned()),
    );
    let mut problems: Vec<String> = wanted
        .iter()
        .filter(|path| !files.contains(&path.as_str()))
        .map(|path| format!("the tarball lacks {path}, which package.json needs"))
        .collect();
    problems.extend(
        files
            .iter()
            .filter(|path| {
                ["src/", "test/", "dist-usage/", "node_modules/"]
                    .iter()
                    .any(|prefix| path.starts_with(prefix))
            })
            .map(|path| format!("the tarball ships {path}")),
    );
    if problems.is_empty() {
        println!(
            "checked: the {} paths package.json names are packed; no sources or tests",
            targets.len()
        );
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The strings in a JSON value, depth first (the targets of `exports`' conditions).
fn collect_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| collect_strings(item, out)),
        Value::Object(map) => map.values().for_each(|item| collect_strings(item, out)),
        _ => {}
    }
}

/// The Python package: build the sdist and the wheel, check them, install each into a fresh
/// virtual environment, run a user's script there and type-check it.
fn python(root: &Path) -> Result<(), String> {
    let package = root.join("packages/python");
    let dir = root.join("target/stranger-py");
    let dist = dir.join("dist");
    fresh(&dir)?;
    let tools = python_tools(root)?;
    // What an earlier build left in the package's folder (ignored by git) must not feed the
    // sdist's file list.
    for leftover in ["build", "chat_events_types.egg-info"] {
        let path = package.join(leftover);
        if path.exists() {
            fs::remove_dir_all(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    run(Command::new(&tools)
        .current_dir(&package)
        .args(["-m", "build", "--outdir"])
        .arg(&dist))
    .map_err(|e| {
        format!("{e}\nbuilding needs PyPI (setuptools, in build's isolated environment)")
    })?;
    write(&dir.join("inspect_dist.py"), INSPECT_PY)?;
    run(Command::new(&tools)
        .current_dir(&dir)
        .arg("inspect_dist.py")
        .arg(&dist)
        .arg(&package))?;
    let artifact = |suffix: &str| -> Result<PathBuf, String> {
        fs::read_dir(&dist)
            .map_err(|e| format!("cannot list {}: {e}", dist.display()))?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| path.to_string_lossy().ends_with(suffix))
            .ok_or_else(|| format!("python -m build made no {suffix} in {}", dist.display()))
    };
    write(&dir.join("user.py"), USER_PY)?;
    copy_vectors(root, &dir)?;
    for (kind, path) in [
        ("wheel", artifact(".whl")?),
        ("sdist", artifact(".tar.gz")?),
    ] {
        let venv = dir.join(format!("venv-{kind}"));
        crate::install::install_python_venv(&venv)?;
        let interpreter = venv.join("bin/python");
        run(crate::install::pip_install(&interpreter)
            .current_dir(&dir)
            .arg(&path)
            .env_remove("PYTHONPATH"))
        .map_err(|e| format!("{e}\ninstalling the {kind} needs PyPI (pydantic, jsonschema)"))?;
        let printed = output(
            Command::new(&interpreter)
                .current_dir(&dir)
                .arg("user.py")
                .env_remove("PYTHONPATH")
                .env_remove("PYTHONOPTIMIZE"),
        )
        .map_err(|e| format!("user.py with the {kind}: {e}"))?;
        show(&format!("user.py with the {kind}"), &printed);
        expect(
            &format!("user.py with the {kind}"),
            &printed,
            &USER_PY_PRINTS,
        )?;
    }
    run(Command::new(&tools)
        .current_dir(&dir)
        .args(["-m", "mypy", "--strict", "--python-executable"])
        .arg(dir.join("venv-wheel/bin/python"))
        .arg("user.py")
        .env_remove("PYTHONPATH"))
    .map_err(|e| format!("{e}\nuser.py does not type-check against the installed wheel"))
}

/// The interpreter of `target/python-venv` with `build` and `mypy` at their pinned versions
/// (installed when missing or different).
fn python_tools(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/python-venv");
    let interpreter = venv.join("bin/python");
    if !interpreter.exists() {
        crate::install::install_python_venv(&venv)?;
    }
    let wanted: Vec<String> = PYTHON_TOOLS
        .iter()
        .map(|(name, version)| format!("{name}=={version}"))
        .collect();
    let check = format!(
        "import importlib.metadata as m, sys\nsys.exit(any(m.version(n) != v for n, v in {PYTHON_TOOLS:?}))"
    );
    let present = Command::new(&interpreter)
        .args(["-c", &check])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !present {
        run(crate::install::pip_install(&interpreter).args(&wanted))
            .map_err(|e| format!("{e}\ninstalling {} needs PyPI", wanted.join(" ")))?;
    }
    Ok(interpreter)
}

/// Removes `dir` when it exists and creates it empty.
fn fresh(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// The shared webhook authentication vectors, beside a user's program that reads two of them.
fn copy_vectors(root: &Path, dir: &Path) -> Result<(), String> {
    let source = root.join("tests/fixtures/webhook-auth/vectors.json");
    fs::copy(&source, dir.join("vectors.json"))
        .map(drop)
        .map_err(|e| format!("cannot copy {}: {e}", source.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))
}

/// Prints what a user's program printed, indented under its name.
fn show(what: &str, printed: &str) {
    println!("{what} printed:");
    for line in printed.lines() {
        println!("  {line}");
    }
}

/// Every line of `wanted` starts a line of `printed`.
fn expect(what: &str, printed: &str, wanted: &[&str]) -> Result<(), String> {
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|line| !printed.lines().any(|printed| printed.starts_with(line)))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{what} did not print:\n  {}\nit printed:\n{printed}",
            missing.join("\n  ")
        ))
    }
}

/// The user's project's compiler settings: what a Node ESM project uses (`nodenext` reads
/// the `exports` map and its `types` conditions), strict, and the package's declarations
/// checked too (`skipLibCheck: false`).
const TSCONFIG: &str = r#"{
  "compilerOptions": {
    "target": "ES2022",
    "module": "nodenext",
    "moduleResolution": "nodenext",
    "strict": true,
    "noEmit": false,
    "outDir": "out",
    "skipLibCheck": false,
    "types": ["node"]
  },
  "files": ["main.ts"]
}
"#;

/// The lines `main.ts` must print (each the start of a line).
const MAIN_TS_PRINTS: [&str; 8] = [
    "resolved: every subpath from node_modules/@chat-events/types/dist",
    "chatapp messageStatus: failed 131026 70000000000",
    "codechat messages.upsert: tigo1 59171146267@s.whatsapp.net fromMe=true",
    "onechat message.created: 42 hello",
    "onechat-webhook message_created: This is a incoming message from API Channel account=1",
    "normalized codechat message: outgoing 59171146267@s.whatsapp.net menasje saliente solo texto",
    "refused: onechat-webhook message_created",
    "webhook-auth: chatwoot right ok, evolution wrong_key bad_signature",
];

/// The lines `user.py` must print (each the start of a line).
const USER_PY_PRINTS: [&str; 9] = [
    "chat_events_types installed in ",
    "chatapp messageStatus: failed 131026 70000000000",
    "codechat messages.upsert: tigo1 59171146267@s.whatsapp.net from_me=True",
    "onechat message.created: 42 hello",
    "onechat-webhook message_created: This is a incoming message from API Channel account=1",
    "normalized codechat message: outgoing 59171146267@s.whatsapp.net menasje saliente solo texto",
    "refused: onechat-webhook message_created",
    "unknown: some.future.event",
    "webhook-auth: chatwoot right ok, evolution wrong_key bad_signature",
];

/// The user's TypeScript program: imports every subpath of the installed package, decodes
/// one payload of the fixtures per provider and a normalized record, asserts the fields.
const MAIN_TS: &str = r#"// A user's program (written by `cargo xtask packages --test`): one real payload per provider,
// decoded with @chat-events/types as installed from its tarball, the fields asserted.
import { strict as assert } from "node:assert";

import * as root from "@chat-events/types";
import { decode as decodeChatApp, isMessageStatus } from "@chat-events/types/chatapp";
import { decode as decodeCodeChat, type BaileysMessage } from "@chat-events/types/codechat";
import { decode as decodeOneChat } from "@chat-events/types/onechat";
import { decode as decodeWebhook } from "@chat-events/types/onechat-webhook";
import { parse } from "@chat-events/types/normalized";
import { verifyChatwootSignature, verifyEvolutionJwt } from "@chat-events/types/webhook-auth";
import { readFileSync } from "node:fs";

// tests/fixtures/chatapp/000_3eeb06198ae497e6/messageStatus.jsonc, without its `//` comment.
const chatapp = `{"data":[{"id":"wamid.HBgQMzQzMjQ3OTYxNDkwMjAzNxUCABEYEkE5MDlBMTFERTBBQkVCQkMyRAA=","type":"failed","time":1706175215,"chat":{"id":"70000000000","hash":null,"type":"private","phone":"70000000000","username":null,"email":null},"fromApp":{"id":"app_123_1","tracking":null,"sender":"employee"},"error":{"code":131026,"message":"Message Undeliverable.","messageLang":{"en":"Message Undeliverable.","ru":"Невозможно доставить сообщение.","pt":"Mensagem não entregue."}}}],"meta":{"type":"messageStatus","licenseId":1229,"messengerType":"caWhatsApp"}}`;
// tests/fixtures/codechat/upstream/messages.upsert.evolution-v1-text-fromme.json
const codechat = `{"event":"messages.upsert","instance":"tigo1","data":{"key":{"remoteJid":"59171146267@s.whatsapp.net","fromMe":true,"id":"3EB0B7AA9746D9215C1340"},"pushName":"IPTV - T1","message":{"conversation":"menasje saliente solo texto"},"messageType":"conversation","messageTimestamp":1746133821,"owner":"tigo1","source":"web"},"date_time":"2025-05-01T18:10:21.803Z","sender":"59169375664@s.whatsapp.net","server_url":"http://localhost:8080","apikey":"REDACTED"}`;
// tests/fixtures/onechat/upstream/message.created.android-sdk-minimal-frame.json
const onechat = `{"identifier":"{\\"channel\\":\\"RoomChannel\\",\\"pubsub_token\\":\\"tok\\"}","message":{"event":"message.created","data":{"id":42,"content":"hello","message_type":1,"created_at":1781250000}}}`;
// tests/fixtures/onechat-webhook/upstream/message_created.chatwoot-docs-api-channel-callback.json
const webhook = `{"id":0,"content":"This is a incoming message from API Channel","created_at":"2020-08-30T15:43:04.000Z","message_type":"incoming","content_type":null,"content_attributes":{},"source_id":null,"sender":{"id":0,"name":"contact-name","avatar":"","type":"contact"},"inbox":{"id":0,"name":"API Channel"},"conversation":{"additional_attributes":null,"channel":"Channel::Api","id":0,"inbox_id":0,"status":"open","agent_last_seen_at":0,"contact_last_seen_at":0,"timestamp":0},"account":{"id":1,"name":"API testing"},"event":"message_created"}`;
// The record the Rust SDK writes of the CodeChat payload's normalized message.
const record = `{"provider":"codechat","sourceEvent":"messages.upsert","event":{"type":"message","attachments":[],"conversation":{"account":"tigo1","channel":"whatsapp","id":"59171146267@s.whatsapp.net"},"direction":"outgoing","id":"3EB0B7AA9746D9215C1340","internal":false,"reply_to":null,"sender":null,"text":"menasje saliente solo texto","timestamp":1746133821},"raw":${codechat}}`;

// A user's own guard for the message shape they expect (the schema's shapes are a union).
function isBaileys(data: unknown): data is BaileysMessage {
  return typeof data === "object" && data !== null && !Array.isArray(data) && "key" in data;
}

for (const subpath of ["", "/chatapp", "/codechat", "/onechat", "/onechat-webhook", "/normalized", "/webhook-auth"]) {
  const where = import.meta.resolve(`@chat-events/types${subpath}`);
  assert.ok(where.includes("/node_modules/@chat-events/types/dist/"), where);
}
console.log("resolved: every subpath from node_modules/@chat-events/types/dist");

{
  const result = decodeChatApp(chatapp);
  assert.ok(result.ok, "chatapp: decoded");
  assert.ok(result.event.known && result.event.name === "messageStatus", "chatapp: messageStatus");
  if (result.event.known && result.event.name === "messageStatus") {
    const [status] = result.event.body.data;
    assert.ok(status !== undefined);
    assert.equal(status.type, "failed");
    assert.equal(status.error?.code, 131026);
    assert.equal(result.event.body.meta.licenseId, 1229);
    console.log(`chatapp ${result.event.name}: ${status.type} ${String(status.error?.code)} ${status.chat.id}`);
  }
  assert.ok(isMessageStatus(result.event));
}
{
  const result = decodeCodeChat(new TextEncoder().encode(codechat));
  assert.ok(result.ok, "codechat: decoded");
  if (!(result.event.known && result.event.name === "messages.upsert")) throw new Error("codechat: not messages.upsert");
  const body = result.event.body;
  assert.equal(body.event, "messages.upsert");
  assert.equal(body.instance, "tigo1");
  const data = body.data;
  if (!isBaileys(data)) throw new Error("codechat: not a Baileys message");
  assert.equal(data.key?.remoteJid, "59171146267@s.whatsapp.net");
  assert.equal(data.key?.fromMe, true);
  assert.equal(data.message?.conversation, "menasje saliente solo texto");
  console.log(`codechat ${body.event}: ${String(body.instance)} ${data.key?.remoteJid ?? ""} fromMe=${String(data.key?.fromMe)}`);
}
{
  const result = decodeOneChat(onechat);
  assert.ok(result.ok, "onechat: decoded");
  if (!(result.event.known && result.event.name === "message.created")) throw new Error("onechat: not message.created");
  const message = result.event.body.data;
  assert.equal(message.id, 42);
  assert.equal(message.content, "hello");
  console.log(`onechat ${result.event.name}: ${message.id} ${message.content ?? ""}`);
}
{
  const result = decodeWebhook(webhook);
  assert.ok(result.ok, "onechat-webhook: decoded");
  if (!(result.event.known && result.event.name === "message_created")) throw new Error("onechat-webhook: not message_created");
  const body = result.event.body;
  assert.equal(body.account?.id, 1);
  assert.equal(body.conversation?.channel, "Channel::Api");
  console.log(`onechat-webhook ${result.event.name}: ${body.content ?? ""} account=${String(body.account?.id)}`);
}
{
  const result = parse(record);
  assert.ok(result.ok, "normalized: parsed");
  const { provider, event } = result.value;
  if (event.type !== "message") throw new Error(`normalized: ${event.type}`);
  assert.equal(event.direction, "outgoing");
  assert.equal(event.text, "menasje saliente solo texto");
  console.log(`normalized ${provider} ${event.type}: ${event.direction} ${event.conversation.id} ${event.text ?? ""}`);
}
{
  // The root export: one namespace per provider.
  assert.equal(typeof root.chatapp.decode, "function");
  const refused = root.onechatWebhook.decode(`{"event":"message_created"}`);
  assert.ok(!refused.ok);
  console.log(`refused: ${refused.error.provider} ${refused.error.event ?? ""} ${refused.error.path}: ${refused.error.message}`);
}
{
  // Two of tests/fixtures/webhook-auth/vectors.json (copied here): one right, one wrong.
  const vectors = JSON.parse(readFileSync("vectors.json", "utf8")) as {
    chatwoot_signature: { name: string; secrets: string[]; timestamp: string | null; signature: string | null; body: string; now: number; tolerance_seconds: number; expect: string }[];
    evolution_jwt: { name: string; secrets: string[]; authorization: string | null; now: number; leeway_seconds: number; expect: string }[];
  };
  const right = vectors.chatwoot_signature.find((vector) => vector.name === "right");
  const wrong = vectors.evolution_jwt.find((vector) => vector.name === "wrong_key");
  if (right === undefined || wrong === undefined) throw new Error("vectors.json lacks right or wrong_key");
  const signed = verifyChatwootSignature({
    secrets: right.secrets,
    signature: right.signature,
    timestamp: right.timestamp,
    body: new TextEncoder().encode(right.body),
    now: right.now,
    toleranceSeconds: right.tolerance_seconds,
  });
  assert.deepEqual(signed, { ok: true });
  const refused = verifyEvolutionJwt({ secrets: wrong.secrets, authorization: wrong.authorization, now: wrong.now, leewaySeconds: wrong.leeway_seconds });
  if (refused.ok) throw new Error("evolution wrong_key: accepted");
  assert.equal(refused.reason, wrong.expect);
  assert.equal(root.verifyChatwootSignature, verifyChatwootSignature);
  console.log(`webhook-auth: chatwoot right ${signed.ok ? "ok" : signed.reason}, evolution wrong_key ${refused.reason}`);
}
"#;

/// The user's Python program: the same payloads through `parse_event` and
/// `parse_normalized` of the installed package.
const USER_PY: &str = r#""""A user's program (written by `cargo xtask packages --test`): one real payload per provider,
decoded with chat-events-types as installed from its wheel or sdist, the fields asserted."""

import json
import sys
from importlib import resources
from pathlib import Path

from chat_events_types import DecodeError, UnknownEvent, chatapp, codechat, onechat, onechat_webhook
from chat_events_types import verify_chatwoot_signature
from chat_events_types.normalized import MessageEvent, parse_normalized
from chat_events_types.webhook_auth import verify_evolution_jwt

# tests/fixtures/chatapp/000_3eeb06198ae497e6/messageStatus.jsonc, without its `//` comment.
CHATAPP = '{"data":[{"id":"wamid.HBgQMzQzMjQ3OTYxNDkwMjAzNxUCABEYEkE5MDlBMTFERTBBQkVCQkMyRAA=","type":"failed","time":1706175215,"chat":{"id":"70000000000","hash":null,"type":"private","phone":"70000000000","username":null,"email":null},"fromApp":{"id":"app_123_1","tracking":null,"sender":"employee"},"error":{"code":131026,"message":"Message Undeliverable.","messageLang":{"en":"Message Undeliverable.","ru":"Невозможно доставить сообщение.","pt":"Mensagem não entregue."}}}],"meta":{"type":"messageStatus","licenseId":1229,"messengerType":"caWhatsApp"}}'
# tests/fixtures/codechat/upstream/messages.upsert.evolution-v1-text-fromme.json
CODECHAT = '{"event":"messages.upsert","instance":"tigo1","data":{"key":{"remoteJid":"59171146267@s.whatsapp.net","fromMe":true,"id":"3EB0B7AA9746D9215C1340"},"pushName":"IPTV - T1","message":{"conversation":"menasje saliente solo texto"},"messageType":"conversation","messageTimestamp":1746133821,"owner":"tigo1","source":"web"},"date_time":"2025-05-01T18:10:21.803Z","sender":"59169375664@s.whatsapp.net","server_url":"http://localhost:8080","apikey":"REDACTED"}'
# tests/fixtures/onechat/upstream/message.created.android-sdk-minimal-frame.json
ONECHAT = '{"identifier":"{\\"channel\\":\\"RoomChannel\\",\\"pubsub_token\\":\\"tok\\"}","message":{"event":"message.created","data":{"id":42,"content":"hello","message_type":1,"created_at":1781250000}}}'
# tests/fixtures/onechat-webhook/upstream/message_created.chatwoot-docs-api-channel-callback.json
WEBHOOK = '{"id":0,"content":"This is a incoming message from API Channel","created_at":"2020-08-30T15:43:04.000Z","message_type":"incoming","content_type":null,"content_attributes":{},"source_id":null,"sender":{"id":0,"name":"contact-name","avatar":"","type":"contact"},"inbox":{"id":0,"name":"API Channel"},"conversation":{"additional_attributes":null,"channel":"Channel::Api","id":0,"inbox_id":0,"status":"open","agent_last_seen_at":0,"contact_last_seen_at":0,"timestamp":0},"account":{"id":1,"name":"API testing"},"event":"message_created"}'
# The record the Rust SDK writes of the CodeChat payload's normalized message.
RECORD = '{"provider":"codechat","sourceEvent":"messages.upsert","event":{"type":"message","attachments":[],"conversation":{"account":"tigo1","channel":"whatsapp","id":"59171146267@s.whatsapp.net"},"direction":"outgoing","id":"3EB0B7AA9746D9215C1340","internal":false,"reply_to":null,"sender":null,"text":"menasje saliente solo texto","timestamp":1746133821},"raw":' + CODECHAT + "}"

package = Path(str(resources.files("chat_events_types")))
assert package.is_relative_to(sys.prefix), f"{package} is not the package installed in {sys.prefix}"
assert (package / "py.typed").is_file(), "py.typed is missing"
print(f"chat_events_types installed in {sys.prefix}")

status_event = chatapp.parse_event(CHATAPP)
assert isinstance(status_event, chatapp.MessageStatusEvent), type(status_event)
status = status_event.data[0]
assert status.type == "failed" and status.error is not None and status.error.code == 131026
assert status_event.meta is not None and status_event.meta.license_id == 1229
print(f"chatapp {status_event.EVENT}: {status.type} {status.error.code} {status.chat.id}")

upsert = codechat.parse_event(CODECHAT.encode("utf-8"))
assert isinstance(upsert, codechat.MessagesUpsertEvent), type(upsert)
assert isinstance(upsert.data, codechat.BaileysMessage), type(upsert.data)
key = upsert.data.key
assert key is not None and key.remote_jid == "59171146267@s.whatsapp.net" and key.from_me is True
assert upsert.to_json_value() == json.loads(CODECHAT)
print(f"codechat {upsert.EVENT}: {upsert.instance} {key.remote_jid} from_me={key.from_me}")

created = onechat.parse_event(ONECHAT)
assert isinstance(created, onechat.MessageCreatedEvent), type(created)
assert created.data.id == 42 and created.data.content == "hello"
print(f"onechat {created.EVENT}: {created.data.id} {created.data.content}")

hook = onechat_webhook.parse_event(WEBHOOK)
assert isinstance(hook, onechat_webhook.MessageCreatedEvent), type(hook)
assert hook.account is not None and hook.account.id == 1
assert hook.conversation is not None and hook.conversation.channel == "Channel::Api"
print(f"onechat-webhook {hook.EVENT}: {hook.content} account={hook.account.id}")

record = parse_normalized(RECORD)
assert isinstance(record.event, MessageEvent), type(record.event)
assert record.provider == "codechat" and record.event.direction == "outgoing"
assert record.event.text == "menasje saliente solo texto"
print(f"normalized {record.provider} {record.event.type}: {record.event.direction} {record.event.conversation.id} {record.event.text}")

unknown = codechat.parse_event('{"event":"some.future.event","data":{}}')
assert isinstance(unknown, UnknownEvent)
try:
    onechat_webhook.parse_event('{"event":"message_created"}')
except DecodeError as error:
    print(f"refused: {error.provider} {error.event} {error.path!r}: {error.message}")
else:
    raise AssertionError("an incomplete webhook body was accepted")
print(f"unknown: {unknown.event_name}")

# Two of tests/fixtures/webhook-auth/vectors.json (copied here): one right, one wrong.
vectors = json.loads(Path("vectors.json").read_text("utf-8"))
right = next(v for v in vectors["chatwoot_signature"] if v["name"] == "right")
wrong = next(v for v in vectors["evolution_jwt"] if v["name"] == "wrong_key")
signed = verify_chatwoot_signature(
    right["secrets"], right["signature"], right["timestamp"], right["body"].encode("utf-8"),
    now=right["now"], tolerance_seconds=right["tolerance_seconds"],
)
assert signed.ok, signed
refused = verify_evolution_jwt(wrong["secrets"], wrong["authorization"], now=wrong["now"], leeway_seconds=wrong["leeway_seconds"])
assert not refused.ok and refused.reason == wrong["expect"] and refused.claims is None, refused
print(f"webhook-auth: chatwoot right {'ok' if signed.ok else signed.reason}, evolution wrong_key {refused.reason}")
"#;

/// Lists and checks the built wheel and sdist (run by the test environment's Python).
const INSPECT_PY: &str = r#""""Lists the wheel and the sdist `python -m build` made (size, file count, files) and checks
what they ship: every module, schema and marker of the package's source folder, the licenses,
the metadata; no tests. Exits non-zero naming each problem."""

import sys
import tarfile
import zipfile
from pathlib import Path

dist, source = Path(sys.argv[1]), Path(sys.argv[2])
wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
if len(wheels) != 1 or len(sdists) != 1:
    sys.exit(f"expected one wheel and one sdist in {dist}, found {sorted(p.name for p in dist.iterdir())}")
wheel, sdist = wheels[0], sdists[0]
with zipfile.ZipFile(wheel) as archive:
    in_wheel = [name for name in archive.namelist() if not name.endswith("/")]
    metadata = archive.read(next(n for n in in_wheel if n.endswith(".dist-info/METADATA"))).decode("utf-8")
with tarfile.open(sdist) as archive:
    in_sdist = [member.name for member in archive.getmembers() if member.isfile()]
for path, names in ((wheel, in_wheel), (sdist, in_sdist)):
    print(f"{path.name}: {path.stat().st_size} bytes, {len(names)} files")
    for name in names:
        print(f"  {name}")

problems = []
shipped = sorted(
    path.relative_to(source).as_posix()
    for path in (source / "chat_events_types").rglob("*")
    if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".json", ".typed")
)
prefix = sdist.name[: -len(".tar.gz")] + "/"
for name in shipped:
    if name not in in_wheel:
        problems.append(f"the wheel lacks {name}")
    if prefix + name not in in_sdist:
        problems.append(f"the sdist lacks {name}")
for name in ("LICENSE-MIT", "LICENSE-APACHE"):
    if not any(n.endswith(f".dist-info/licenses/{name}") for n in in_wheel):
        problems.append(f"the wheel lacks {name}")
    if prefix + name not in in_sdist:
        problems.append(f"the sdist lacks {name}")
for name in ("pyproject.toml", "README.md"):
    if prefix + name not in in_sdist:
        problems.append(f"the sdist lacks {name}")
for name in in_wheel + in_sdist:
    if "tests/" in name or Path(name).name.startswith("test_"):
        problems.append(f"{name} is a test")
for line in ("License-Expression: MIT OR Apache-2.0", "Classifier: Typing :: Typed"):
    if line not in metadata.splitlines():
        problems.append(f"the wheel's METADATA lacks `{line}`")
if not any(n.endswith("chat_events_types/py.typed") for n in in_wheel):
    problems.append("the wheel lacks the py.typed marker")
if problems:
    sys.exit("\n".join(problems))
print(f"checked: {len(shipped)} package files, the licenses and the metadata in both; no tests")
"#;

#[cfg(test)]
mod tests {
    use serde_json::json;

    /// The tarball check holds the paths of `package.json` to the packed files: a `types`
    /// condition pointing at nothing fails (TypeScript itself would fall back to the `.d.ts`
    /// beside the JavaScript and say nothing), as does a packed source file.
    #[test]
    fn the_tarball_must_hold_every_path_package_json_names() {
        let manifest = json!({
            "main": "./dist/index.js",
            "types": "./dist/index.d.ts",
            "exports": {
                ".": {"types": "./dist/index.d.ts", "import": "./dist/index.js"},
                "./codechat": {"types": "./dist/codechat.d.ts", "import": "./dist/generated/codechat.js"},
            },
        });
        let mut files = vec![
            "package.json",
            "README.md",
            "LICENSE-MIT",
            "LICENSE-APACHE",
            "dist/index.js",
            "dist/index.d.ts",
            "dist/generated/codechat.js",
            "dist/generated/codechat.d.ts",
        ];
        let error = super::check_tarball(&manifest, &files).unwrap_err();
        assert_eq!(
            error,
            "the tarball lacks dist/codechat.d.ts, which package.json needs"
        );
        files.push("dist/codechat.d.ts");
        assert_eq!(super::check_tarball(&manifest, &files), Ok(()));
        files.push("src/index.ts");
        assert_eq!(
            super::check_tarball(&manifest, &files).unwrap_err(),
            "the tarball ships src/index.ts"
        );
    }
}
