//! The `pc-onboard` binary: parse the command line, run, map the outcome to an exit code.

use anyhow::Context;
use clap::Parser;
use pc_onboard::cli::{Cli, Command};
use pc_onboard::config::WriteMode;
use pc_onboard::error::{exit, Error};
use std::process::ExitCode;

// Validation and writing allocate many short strings on two or more threads; mimalloc keeps
// that cheap where the system allocator spends a fifth of the run (measured with perf).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // The library's `Error` names the file, sheet, row or column and what to do, and its
            // kind decides the exit code. Say the context added here and that error, not the
            // error's own sources: its text already includes them.
            let mut said = Vec::new();
            for e in err.chain() {
                said.push(e.to_string());
                if e.is::<Error>() {
                    break;
                }
            }
            pc_onboard::say!("pc-onboard: error: {}", said.join(": "));
            let code =
                err.chain().find_map(|e| e.downcast_ref::<Error>()).map_or(exit::USAGE, Error::exit_code);
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Run(args) => {
            let cfg = args.into_config(&cli.common, WriteMode::All)?;
            Ok(pc_onboard::run(&cfg)?.exit_code)
        }
        Command::Check(args) => {
            let cfg = args.into_config(&cli.common, WriteMode::SummaryOnly)?;
            Ok(pc_onboard::run(&cfg)?.exit_code)
        }
        Command::Rules(args) => {
            pc_onboard::commands::rules(&args)?;
            Ok(exit::OK)
        }
        Command::Mapping(args) => {
            pc_onboard::commands::mapping(&args, &cli.common)?;
            Ok(exit::OK)
        }
        Command::Push(args) => {
            let cfg = args.into_config(&cli.common)?;
            Ok(pc_onboard::partner_center::push(&cfg)?.exit_code)
        }
        Command::Pull(args) => {
            let cfg = args.into_config(&cli.common)?;
            Ok(pc_onboard::partner_center::pull(&cfg)?.exit_code)
        }
        Command::Generate(args) => {
            let options = args.into_options();
            let report = pc_onboard::generate::generate(&options)
                .context("generate stopped; a file it had not finished was not written")?;
            if !cli.common.quiet {
                pc_onboard::commands::print_generated(&report);
            }
            Ok(exit::OK)
        }
    }
}
