//! Library errors: each names where the problem is and what the user can do about it.

use std::path::PathBuf;

mod api;
pub use api::ApiError;

/// Exit codes of the command line (SPEC §2).
pub mod exit {
    /// The run completed (rejected rows are data, not failure).
    pub const OK: u8 = 0;
    /// `--fail-over` was exceeded.
    pub const FAIL_OVER: u8 = 1;
    /// Usage or configuration error.
    pub const USAGE: u8 = 2;
    /// An input could not be read at all.
    pub const INPUT: u8 = 3;
    /// The outputs could not be written (disk full, no permission, another run holds the
    /// folder); the output folder keeps its previous set.
    pub const OUTPUT: u8 = 4;
    /// `push` or `pull` finished, but some lines were refused or are still to send
    /// (`push/results.csv` says which), or some billing profiles could not be had.
    pub const INCOMPLETE: u8 = 1;
    /// `push` or `pull`: the token endpoint or Partner Center refused the credentials, or could
    /// not be reached. What was done is in the journal; running the command again resumes.
    pub const API: u8 = 5;
}

/// Where in an input something went wrong. Every part but the file is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// The input file.
    pub file: PathBuf,
    /// The sheet, for spreadsheets.
    pub sheet: Option<String>,
    /// The row number as the user sees it (1-based).
    pub row: Option<u64>,
    /// The column header or letter.
    pub column: Option<String>,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet '{sheet}'")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(col) = &self.column {
            write!(f, ", column '{col}'")?;
        }
        Ok(())
    }
}

/// An error that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line or a configuration value is wrong.
    #[error("{0}")]
    Usage(String),
    /// The configuration or mapping file is wrong.
    #[error("{path}: {message}")]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// An input file could not be read at all.
    #[error("{pos}: {message}")]
    Input {
        /// Where.
        pos: Position,
        /// What is wrong and what to do.
        message: String,
    },
    /// `push` or `pull` cannot go on: credentials, the service or the network.
    #[error(transparent)]
    PartnerCenter(#[from] ApiError),
    /// An output could not be written.
    #[error("cannot write {path}: {source}")]
    Output {
        /// The output file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Another run holds the output folder.
    #[error("{out}: {message}")]
    Busy {
        /// The output folder.
        out: PathBuf,
        /// Which run holds it and what to do.
        message: String,
    },
    /// The run stopped after it began writing its outputs: the output folder was not touched.
    #[error("{cause} (nothing in the output folder {} was changed)", out.display())]
    Unchanged {
        /// The output folder.
        out: PathBuf,
        /// What stopped the run.
        cause: Box<Error>,
    },
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Config { .. } => exit::USAGE,
            Error::Input { .. } => exit::INPUT,
            Error::Output { .. } | Error::Busy { .. } => exit::OUTPUT,
            Error::Unchanged { cause, .. } => cause.exit_code(),
            Error::PartnerCenter(e) => e.exit_code(),
        }
    }

    /// An input error at a file (and optionally sheet/row/column).
    pub fn input(pos: Position, message: impl Into<String>) -> Error {
        Error::Input { pos, message: message.into() }
    }

    /// An output error at `path`.
    pub fn output(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Output { path: path.into(), source }
    }

    /// An input error about a whole file.
    pub fn input_file(file: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::input(Position { file: file.into(), ..Position::default() }, message)
    }
}

/// Library result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
