//! The `pc-onboard` binary: parse the command line, run, map the outcome to an exit code.

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
            // Every failure is the library's `Error`: its text already names the file, sheet,
            // row or column and what to do, and its kind decides the exit code.
            pc_onboard::say!("pc-onboard: error: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<u8, Error> {
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
            let report = pc_onboard::generate::generate(&args.into_options())?;
            if !cli.common.quiet {
                pc_onboard::commands::print_generated(&report);
            }
            Ok(exit::OK)
        }
    }
}
