//! Project tasks: `cargo xtask <task>`.
//!
//! - `test`: the project's test command (installs what the suites need, runs every test).
//! - `deps-check`: provider crates built types-only pull no runtime and no other provider.
//! - `fixtures [--check]`: write the fixture corpus each provider crate embeds
//!   (`crates/<provider>/src/corpus.rs`), or check it is current.
//! - `schema [--check]`: write the JSON Schemas under `schemas/`, or check they are current.
//! - `hygiene`: docs as docs.rs builds them, `cargo deny`, the MSRV of the dependencies.
//! - `semver <rev>`: `cargo semver-checks` of the published crates against a revision.
//! - `packaged`: the crates proven from their `.crate` files in a project outside the
//!   workspace (see `packaged.rs`).
//! - `packages [--check]`: write the generated parts of the TypeScript and Python packages
//!   under `packages/`, or check they are current.
//! - `import-seed chatapp|onechat <seed file>`: cut documented examples into fixtures.
//! - `fuzz [--seconds N] [target…]`: run the cargo-fuzz targets of `fuzz/`.
//! - `bench [--smoke] [part…]`: the benchmark harness (ratios against baselines in one run).

mod bench;
mod ci;
mod corpus;
mod fuzz;
mod generated;
mod hygiene;
mod install;
mod packaged;
mod packages;
mod process;
mod schema;
mod seed;
mod semver;

use std::{
    path::{Path, PathBuf},
    process::ExitCode,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["test"] => ci::test(&root()),
        ["deps-check"] => ci::deps_check(&root()),
        ["fixtures"] => corpus::run(&root(), false),
        ["fixtures", "--check"] => corpus::run(&root(), true),
        ["schema"] => schema::run(&root(), false),
        ["schema", "--check"] => schema::run(&root(), true),
        ["hygiene"] => hygiene::run_all(&root()),
        ["semver", baseline] => semver::check(&root(), baseline),
        ["packaged"] => packaged::run_all(&root()),
        ["packages"] => packages::run(&root(), false),
        ["packages", "--check"] => packages::run(&root(), true),
        ["packages", "--test"] => packages::test(&root()),
        ["fuzz", rest @ ..] => {
            let (seconds, targets) = match rest {
                ["--seconds", seconds, targets @ ..] => (seconds.parse().unwrap_or(60), targets),
                targets => (60, targets),
            };
            fuzz::run(&root(), seconds, targets)
        }
        ["bench", rest @ ..] => {
            let smoke = rest.contains(&"--smoke");
            let parts: Vec<&str> = rest
                .iter()
                .copied()
                .filter(|arg| *arg != "--smoke")
                .collect();
            bench::run_bench(&root(), smoke, &parts)
        }
        ["import-seed", "chatapp", seed] => {
            seed::import_chatapp(&root(), Path::new(seed)).map(|written| {
                for path in written {
                    println!("wrote {}", path.display());
                }
            })
        }
        ["import-seed", "onechat", seed] => {
            seed::import_onechat(&root(), Path::new(seed)).map(|written| {
                for path in written {
                    println!("wrote {}", path.display());
                }
            })
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage:
  cargo xtask test                          the test command (what CI runs)
  cargo xtask deps-check                    types-only provider builds pull no runtime
  cargo xtask fixtures [--check]            write the corpus each provider crate embeds (or check it)
  cargo xtask schema [--check]              write schemas/ (or check that it is current)
  cargo xtask hygiene                       docs as docs.rs builds them, cargo deny, dependencies' MSRV
  cargo xtask semver <baseline rev>         cargo semver-checks of the published crates (a release runs it)
  cargo xtask packaged                      package every crate, build and run a stranger's project on the packages
  cargo xtask packages [--check|--test]     write packages/*/generated (or check them, or run their tests)
  cargo xtask fuzz [--seconds N] [target…]  run the fuzz targets (default 60 s each)
  cargo xtask bench [--smoke] [--save F] [--compare F] [part…]
                                            benchmarks: decode, receiver, chatapp, onechat, relay (default all);
                                            --save keeps the table, --compare says what changed since a saved one
  cargo xtask import-seed chatapp <file>    cut a ChatApp doc page's examples into fixtures
  cargo xtask import-seed onechat <file>    cut the OneChat websocket page's samples into fixtures";

/// The workspace root (the parent of `xtask/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}
